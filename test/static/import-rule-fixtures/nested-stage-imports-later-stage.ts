// As src-main/core/account/token/…: a nested module still belongs to its stage.
import { createFolderWatch } from '../../intake/folder-watch.ts';

export const watch = createFolderWatch;
