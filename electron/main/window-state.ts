import { z } from 'zod';

export const WINDOW_STATE_KEY = 'window-state';

export const WindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 } as const;
export const MIN_WINDOW_SIZE = { width: 1024, height: 700 } as const;

/**
 * The bounds to open the window with: the saved ones when they still fit on a connected display
 * (a monitor may have been unplugged), otherwise a default size centred by the OS.
 */
export function restoreWindowBounds(saved: string | null, workAreas: readonly Rect[]): { bounds: Partial<Rect>; maximized: boolean } {
  let state: WindowState | null = null;
  if (saved) {
    try {
      const parsed = WindowState.safeParse(JSON.parse(saved));
      state = parsed.success ? parsed.data : null;
    } catch {
      state = null;
    }
  }
  if (!state) return { bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false };
  const visible = workAreas.some(
    (a) =>
      state.x < a.x + a.width - 50 &&
      state.x + state.width > a.x + 50 &&
      state.y >= a.y - 10 &&
      state.y < a.y + a.height - 50,
  );
  if (!visible) return { bounds: { width: state.width, height: state.height }, maximized: state.maximized };
  return { bounds: { x: state.x, y: state.y, width: state.width, height: state.height }, maximized: state.maximized };
}

/** Serializes the window's normal (un-maximized) bounds for the settings table. */
export function serializeWindowState(bounds: Rect, maximized: boolean): string {
  return JSON.stringify({
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
    maximized,
  } satisfies WindowState);
}
