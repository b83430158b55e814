// As src-main/core/store/…: a package built on Electron is Electron too.
import Store from 'electron-store';

export const store = new Store();
