// The Electron IPC channel names. The preload is a self-contained sandboxed script that cannot
// import this file, so it repeats these strings; a unit test keeps the two identical.
export const IPC_INVOKE = 'clearfacts:invoke';
export const IPC_EVENT = 'clearfacts:event';
export const IPC_PICK_FOLDER = 'clearfacts:pick-folder';
