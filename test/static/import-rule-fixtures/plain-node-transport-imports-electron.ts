// As src-main/bridge/…: only the desktop shell runs inside Electron.
import { app } from 'electron';

export const name = app.getName();
