// Where each window was and how big it was, kept in `<userData>/window-state.json` and restored
// on the next start only when it would be visible: a laptop undocked from its second monitor
// must not open the app off-screen.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export const SavedWindow = WindowBounds.extend({ maximized: z.boolean().default(false) });
export type SavedWindow = z.infer<typeof SavedWindow>;

export type WindowName = 'main' | 'drop';

const WindowStateFile = z.object({
  main: SavedWindow.optional(),
  drop: SavedWindow.optional(),
});
type WindowStateFile = z.infer<typeof WindowStateFile>;

/** At least this much of the window must lie on a display for it to be grabbable. */
const MIN_VISIBLE_WIDTH = 120;
const MIN_VISIBLE_HEIGHT = 48;

function overlap(a: WindowBounds, b: WindowBounds): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The saved bounds when enough of the window (its top edge included, so the title bar can be
 * grabbed) lies on one of the displays' work areas; otherwise undefined and the window opens
 * centred at its default size.
 */
export function restorableBounds(
  saved: SavedWindow | undefined,
  workAreas: readonly WindowBounds[],
): SavedWindow | undefined {
  if (saved === undefined) return undefined;
  const titleBar: WindowBounds = { ...saved, height: Math.min(saved.height, MIN_VISIBLE_HEIGHT) };
  const visible = workAreas.some((area) => {
    const seen = overlap(titleBar, area);
    return (
      seen.width >= Math.min(MIN_VISIBLE_WIDTH, saved.width) &&
      seen.height >= Math.min(MIN_VISIBLE_HEIGHT, saved.height)
    );
  });
  return visible ? saved : undefined;
}

export interface WindowStateStore {
  get(name: WindowName): SavedWindow | undefined;
  set(name: WindowName, state: SavedWindow): void;
}

/** The state file; a missing or damaged file is simply no saved state. */
export function openWindowStateStore(filePath: string): WindowStateStore {
  let state: WindowStateFile = {};
  try {
    const parsed = WindowStateFile.safeParse(JSON.parse(readFileSync(filePath, 'utf8')));
    if (parsed.success) state = parsed.data;
  } catch {
    state = {};
  }
  return {
    get: (name) => state[name],
    set(name, saved) {
      state = { ...state, [name]: SavedWindow.parse(saved) };
      // Written whole to a temporary file and renamed, so a crash never leaves half a file.
      const temporary = `${filePath}.${randomBytes(4).toString('hex')}.tmp`;
      mkdirSync(path.dirname(filePath), { recursive: true });
      writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
      renameSync(temporary, filePath);
    },
  };
}
