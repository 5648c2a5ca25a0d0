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

    loadPacks: async () => {
      set({ packsStatus: 'loading', packsError: null });
      const result = await deps.api['packs.list']({});
      if (result.ok) set({ packs: result.value, packsStatus: 'ready' });
      else set({ packsStatus: 'error', packsError: result.error.message });
    },

    importPack: async (fileName, content) => {
      const result = await deps.api['packs.import']({ fileName, content });
      if (!result.ok) return { ok: false, message: result.error.message };
      await get().loadPacks();
      return { ok: true, imported: result.value };
    },

    comparePack: async (ref) => {
      if (ref === null) {
        set({ comparison: null });
        return;
      }
      const result = await deps.api['packs.compare'](ref);
      if (result.ok) set({ comparison: { ref, changes: result.value } });
      else set({ packsError: result.error.message });
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
