import type { StateCreator } from 'zustand';
import { canonicalJson } from '../../shared/util/canonical-json';
import type { SavedWorkshopState, WorkshopState } from '../../shared/domain';
import type { WorkshopPackSource } from '../../shared/contract';
import type { AppState, SetAppState, StoreDeps } from './store';
import type { SaveState } from './editor-slice';

export const SESSION_SAVE_DELAY_MS = 600;
/** Changes with the same key this close together are one undo step (one slider drag, one typed note). */
export const COALESCE_MS = 1200;
const HISTORY_LIMIT = 200;

export interface ChangeOptions {
  /** Answers, weights and choices are undoable; participant edits too. */
  undoable?: boolean;
  /** Consecutive changes with this key merge into one undo step. */
  coalesceKey?: string;
}

export interface SessionSlice {
  /** The workshop's answers, weights, participants and choices as the person sees them. */
  session: WorkshopState | null;
  /** The rule pack the open workshop evaluates with, as the library keeps it (the page compiles it). */
  sessionPack: WorkshopPackSource | null;
  sessionWorkshopId: string | null;
  sessionRevision: number;
  sessionStatus: 'idle' | 'loading' | 'ready' | 'error';
  sessionError: string | null;
  sessionSaveState: SaveState;
  sessionSaveError: string | null;
  /** The last save failed because the workshop changed elsewhere: reloading is the way out. */
  sessionConflict: boolean;
  /** After a conflict: the other tab's or window's version, as it was saved when this tab's save was refused. */
  sessionTheirs: WorkshopState | null;
  past: WorkshopState[];
  future: WorkshopState[];
  loadSession: (workshopId: string) => Promise<void>;
  /** Reads the open workshop's pack again (after it moved to another version); the answers stay, the undo history goes. */
  reloadSessionPack: () => Promise<void>;
  unloadSession: () => Promise<void>;
  /** Applies an edit; returns the workshop as it stands after it (null with no workshop open). */
  change: (recipe: (state: WorkshopState) => WorkshopState, options?: ChangeOptions) => WorkshopState | null;
  undo: () => void;
  /**
   * Undoes the last step if the workshop is still `after` (what an edit returned: nothing changed since), so an
   * offer to take an edit back is a real undo that Redo can make again; false, changing nothing, otherwise.
   */
  undoIfLatest: (after: WorkshopState) => boolean;
  redo: () => void;
  flushSession: () => Promise<void>;
  /** After a conflict: saves this tab's workshop over what another tab or window saved meanwhile. */
  keepSessionEdits: () => Promise<void>;
}

/** Saving the workshop's state: a save scheduled after a pause, one at a time, again while edits keep coming. */
function sessionSaver(deps: StoreDeps, set: SetAppState, get: () => AppState) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let dirty = false;

  const cancelTimer = () => {
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = null;
  };

  const schedule = () => {
    dirty = true;
    cancelTimer();
    set({ sessionSaveState: 'saving' });
    timer = deps.timers.setTimeout(() => {
      timer = null;
      void get().flushSession();
    }, SESSION_SAVE_DELAY_MS);
  };

  const saveOnce = async (): Promise<void> => {
    const { session, sessionWorkshopId, sessionRevision } = get();
    if (!dirty || !session || !sessionWorkshopId) {
      if (get().sessionSaveState === 'saving') set({ sessionSaveState: 'saved' });
      return;
    }
    dirty = false;
    set({ sessionSaveState: 'saving', sessionSaveError: null });
    const result = await deps.api['workshopState.save']({ id: sessionWorkshopId, state: session, baseRevision: sessionRevision });
    if (get().sessionWorkshopId !== sessionWorkshopId) return;
    if (result.ok) {
      set({ sessionRevision: result.value.revision, sessionSaveState: dirty ? 'saving' : 'saved' });
      if (dirty) await saveOnce();
    } else {
      dirty = true;
      const conflict = result.error.code === 'conflict';
      set({ sessionSaveState: 'error', sessionSaveError: result.error.message, sessionConflict: conflict });
      if (!conflict) return;
      // The other version, so the person can compare before choosing (no comparison if it cannot be read).
      const theirs = await deps.api['workshopState.get']({ id: sessionWorkshopId });
      if (get().sessionWorkshopId === sessionWorkshopId && get().sessionConflict && theirs.ok) set({ sessionTheirs: theirs.value.state });
    }
  };

  return {
    cancelTimer,
    schedule,
    /** Nothing to save (a workshop loaded or closed), or everything (saving over another version). */
    setDirty: (value: boolean) => {
      dirty = value;
    },
    flush: async () => {
      cancelTimer();
      if (inFlight) await inFlight;
      inFlight = saveOnce().finally(() => {
        inFlight = null;
      });
      await inFlight;
    },
  };
}

/** The last change that may merge with the next into one undo step. */
interface Coalescing {
  last: { key: string; at: number } | null;
}

/** Edits and their undo history: a change, undo, redo, and taking back the latest edit only. */
function historyActions(deps: StoreDeps, set: SetAppState, get: () => AppState, saver: ReturnType<typeof sessionSaver>, coalescing: Coalescing): Pick<SessionSlice, 'change' | 'undo' | 'undoIfLatest' | 'redo'> {
  return {
    change: (recipe, options = {}) => {
      const { session, past } = get();
      if (!session) return null;
      const next = recipe(session);
      if (next === session) return session;
      const undoable = options.undoable ?? true;
      const now = deps.timers.now();
      const last = coalescing.last;
      const merge = options.coalesceKey !== undefined && last?.key === options.coalesceKey && now - last.at < COALESCE_MS && past.length > 0;
      coalescing.last = options.coalesceKey !== undefined ? { key: options.coalesceKey, at: now } : null;
      if (undoable && !merge) {
        set({ session: next, past: [...past, session].slice(-HISTORY_LIMIT), future: [] });
      } else if (merge && canonicalJson(next) === canonicalJson(past[past.length - 1])) {
        // A run of edits that came back to where it started (a refused entry put back) leaves no undo step.
        set({ session: next, past: past.slice(0, -1), future: [] });
      } else {
        set({ session: next, future: undoable ? [] : get().future });
      }
      saver.schedule();
      return next;
    },

    undoIfLatest: (after) => {
      const { session, past } = get();
      if (session !== after || past.length === 0) return false;
      get().undo();
      return true;
    },

    undo: () => {
      const { past, session, future } = get();
      const previous = past[past.length - 1];
      if (!previous || !session) return;
      coalescing.last = null;
      set({ session: previous, past: past.slice(0, -1), future: [session, ...future] });
      saver.schedule();
    },

    redo: () => {
      const { past, session, future } = get();
      const [next, ...rest] = future;
      if (!next || !session) return;
      coalescing.last = null;
      set({ session: next, past: [...past, session], future: rest });
      saver.schedule();
    },
  };
}

const apply = (saved: SavedWorkshopState) => ({
  session: saved.state,
  sessionRevision: saved.revision,
  sessionStatus: 'ready' as const,
  sessionError: null,
  sessionSaveState: 'idle' as const,
  sessionSaveError: null,
  sessionConflict: false,
  sessionTheirs: null,
  past: [],
  future: [],
});

export function createSessionSlice(deps: StoreDeps): StateCreator<AppState, [], [], SessionSlice> {
  return (set, get) => {
    const saver = sessionSaver(deps, set, get);
    const coalescing: Coalescing = { last: null };
    return {
      session: null,
      sessionPack: null,
      sessionWorkshopId: null,
      sessionRevision: 0,
      sessionStatus: 'idle',
      sessionError: null,
      sessionSaveState: 'idle',
      sessionSaveError: null,
      sessionConflict: false,
      sessionTheirs: null,
      past: [],
      future: [],

      loadSession: async (workshopId) => {
        if (get().sessionWorkshopId === workshopId && get().sessionStatus === 'ready' && !get().sessionConflict) return;
        await get().flushSession();
        saver.cancelTimer();
        saver.setDirty(false);
        coalescing.last = null;
        set({ sessionWorkshopId: workshopId, session: null, sessionPack: null, sessionStatus: 'loading', sessionError: null, sessionConflict: false, sessionTheirs: null });
        const [result, pack] = await Promise.all([deps.api['workshopState.get']({ id: workshopId }), deps.api['packs.ofWorkshop']({ id: workshopId })]);
        if (get().sessionWorkshopId !== workshopId) return;
        if (!result.ok) set({ sessionStatus: 'error', sessionError: result.error.message });
        else if (!pack.ok) set({ sessionStatus: 'error', sessionError: pack.error.message });
        else set({ ...apply(result.value), sessionPack: pack.value });
      },

      reloadSessionPack: async () => {
        const { sessionWorkshopId } = get();
        if (!sessionWorkshopId) return;
        const pack = await deps.api['packs.ofWorkshop']({ id: sessionWorkshopId });
        if (get().sessionWorkshopId !== sessionWorkshopId) return;
        // Undo steps were taken on the other version's questions: they do not carry over.
        if (pack.ok) set({ sessionPack: pack.value, past: [], future: [] });
        else set({ sessionStatus: 'error', sessionError: pack.error.message });
      },

      unloadSession: async () => {
        await get().flushSession();
        saver.cancelTimer();
        saver.setDirty(false);
        set({ session: null, sessionPack: null, sessionWorkshopId: null, sessionStatus: 'idle', past: [], future: [], sessionSaveState: 'idle', sessionConflict: false, sessionTheirs: null });
      },

      ...historyActions(deps, set, get, saver, coalescing),

      keepSessionEdits: async () => {
        const { sessionWorkshopId } = get();
        if (!sessionWorkshopId) return;
        const latest = await deps.api['workshopState.get']({ id: sessionWorkshopId });
        if (get().sessionWorkshopId !== sessionWorkshopId) return;
        if (!latest.ok) {
          set({ sessionSaveState: 'error', sessionSaveError: latest.error.message });
          return;
        }
        // This tab's state is saved on top of the latest revision, replacing it (as the bar says).
        set({ sessionRevision: latest.value.revision, sessionConflict: false, sessionTheirs: null });
        saver.setDirty(true);
        await get().flushSession();
      },

      flushSession: saver.flush,
    };
  };
}
