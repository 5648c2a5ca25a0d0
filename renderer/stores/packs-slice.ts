import type { StateCreator } from 'zustand';
import type { ImportedPack, Milestone, PackComparison, PackMovePreview, PackRef, PackSummary } from '../../shared/contract';
import type { AppState, StoreDeps } from './store';

/** The rule pack library: the built-in pack and the team's, what one changes, and the last import's outcome. */
export interface PacksSlice {
  packs: PackSummary[];
  packsStatus: 'idle' | 'loading' | 'ready' | 'error';
  packsError: string | null;
  /** What the pack shown in comparison changes against the built-in one (one at a time). */
  comparison: { ref: PackRef; changes: PackComparison } | null;
  /** Why the last comparison asked for could not be made, for the pack it was asked for. */
  compareError: { ref: PackRef; message: string } | null;
  /** True while a pack file is being imported. */
  importing: boolean;
  loadPacks: () => Promise<void>;
  /** Imports a pack file's text; the outcome, or a message naming what is wrong (nothing is imported then). */
  importPack: (fileName: string, content: string) => Promise<{ ok: true; imported: ImportedPack } | { ok: false; message: string }>;
  /** Shows what a pack changes; null hides it. */
  comparePack: (ref: PackRef | null) => Promise<void>;
  removePack: (ref: PackRef) => Promise<{ ok: true } | { ok: false; message: string }>;
  /** What moving the open workshop to another version of its pack would change (one preview at a time). */
  movePreview: { workshopId: string; ref: PackRef; preview: PackMovePreview } | null;
  /** Works out the preview; a message when it cannot be made. Null clears it. */
  previewPackMove: (workshopId: string, ref: PackRef | null) => Promise<{ ok: true; preview: PackMovePreview | null } | { ok: false; message: string }>;
  /** Moves the open workshop to that version after saving a milestone of its results; the page then evaluates with it. */
  moveWorkshopPack: (workshopId: string, ref: PackRef, milestone: string, author: string) => Promise<{ ok: true; milestone: Milestone } | { ok: false; message: string }>;
}

const same = (a: PackRef, b: PackRef) => a.id === b.id && a.version === b.version;

export function createPacksSlice(deps: StoreDeps): StateCreator<AppState, [], [], PacksSlice> {
  return (set, get) => ({
    packs: [],
    packsStatus: 'idle',
    packsError: null,
    comparison: null,
    compareError: null,
    importing: false,
    movePreview: null,

    loadPacks: async () => {
      set({ packsStatus: 'loading', packsError: null });
      const result = await deps.api['packs.list']({});
      if (result.ok) set({ packs: result.value, packsStatus: 'ready' });
      else set({ packsStatus: 'error', packsError: result.error.message });
    },

    importPack: async (fileName, content) => {
      set({ importing: true });
      try {
        const result = await deps.api['packs.import']({ fileName, content });
        if (!result.ok) return { ok: false, message: result.error.message };
        await get().loadPacks();
        return { ok: true, imported: result.value };
      } finally {
        set({ importing: false });
      }
    },

    comparePack: async (ref) => {
      if (ref === null) {
        set({ comparison: null, compareError: null });
        return;
      }
      const result = await deps.api['packs.compare'](ref);
      if (result.ok) set({ comparison: { ref, changes: result.value }, compareError: null });
      else set({ comparison: null, compareError: { ref, message: result.error.message } });
    },

    removePack: async (ref) => {
      const result = await deps.api['packs.remove'](ref);
      if (!result.ok) return { ok: false, message: result.error.message };
      const comparison = get().comparison;
      set({ packs: result.value, comparison: comparison && same(comparison.ref, ref) ? null : comparison });
      return { ok: true };
    },

    previewPackMove: async (workshopId, ref) => {
      if (ref === null) {
        set({ movePreview: null });
        return { ok: true, preview: null };
      }
      // The preview reads what is saved: pending edits go first.
      await get().flushSession();
      const result = await deps.api['packs.previewMove']({ id: workshopId, pack: ref });
      if (!result.ok) {
        set({ movePreview: null });
        return { ok: false, message: result.error.message };
      }
      set({ movePreview: { workshopId, ref, preview: result.value } });
      return { ok: true, preview: result.value };
    },

    moveWorkshopPack: async (workshopId, ref, milestone, author) => {
      await get().flushSave();
      await get().flushSession();
      const result = await deps.api['packs.moveWorkshop']({ id: workshopId, pack: ref, milestone, author });
      if (!result.ok) return { ok: false, message: result.error.message };
      set({ movePreview: null, ...(get().current?.id === workshopId ? { current: result.value.workshop } : {}) });
      await Promise.all([get().reloadSessionPack(), get().loadPacks()]);
      return { ok: true, milestone: result.value.milestone };
    },
  });
}
