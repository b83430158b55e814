// A drop can hold files and whole folders. Folders are walked with the File and Directory Entries
// API (webkitGetAsEntry works in Chromium and Electron), skipping hidden and system files.

const SYSTEM_NAMES = new Set(['thumbs.db', 'desktop.ini']);

export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || SYSTEM_NAMES.has(name.toLowerCase());
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries answers in chunks (100 in Chromium) until it answers an empty list.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((entries) => {
        if (entries.length === 0) resolve(all);
        else {
          all.push(...entries);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, into: File[]): Promise<void> {
  if (isSkippedName(entry.name)) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    into.push(file);
  } else if (entry.isDirectory) {
    const children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
    for (const child of children) await walk(child, into);
  }
}

/** Every file of a drop, folders expanded. Must be called during the drop event (entries expire). */
export function collectDroppedFiles(transfer: DataTransfer): Promise<File[]> {
  const entries = [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry());
  if (entries.some((entry) => entry === null)) return Promise.resolve([...transfer.files]);
  return (async () => {
    const files: File[] = [];
    for (const entry of entries) if (entry !== null) await walk(entry, files);
    return files;
  })();
}

/** Files chosen with an <input type=file>, where a chosen folder arrives as all its files. */
export function collectChosenFiles(list: FileList | null): File[] {
  return [...(list ?? [])].filter((file) => {
    const segments = (file.webkitRelativePath || file.name).split('/');
    return !segments.some(isSkippedName);
  });
}
