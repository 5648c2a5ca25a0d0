import type { StateCreator } from 'zustand';
import type { ImportedPack, PackComparison, PackRef, PackSummary } from '../../shared/contract';
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
  });
}
