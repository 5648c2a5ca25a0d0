import type { StateCreator } from 'zustand';
import type { CreateWorkshopInput, FieldIssue } from '../../shared/contract';
import { importNotice } from '../import-notice';
import type { Workshop } from '../../shared/domain';
import type { AppState, StoreDeps } from './store';

export interface WorkshopsSlice {
  workshops: Workshop[];
  showArchived: boolean;
  listStatus: 'idle' | 'loading' | 'ready' | 'error';
  listError: string | null;
  /** True when the host refused this page (a wrong or missing token): nothing here can work until it is reopened. */
  listRefused: boolean;
  loadWorkshops: () => Promise<void>;
  setShowArchived: (show: boolean) => Promise<void>;
  /** Creates a workshop; returns it, or the field issues a person must fix. */
  createWorkshop: (input: CreateWorkshopInput) => Promise<{ ok: true; workshop: Workshop } | { ok: false; message: string; issues: FieldIssue[] }>;
  renameWorkshop: (id: string, title: string) => Promise<{ ok: true } | { ok: false; message: string; issues: FieldIssue[] }>;
  setArchived: (id: string, archived: boolean) => Promise<boolean>;
  /** Opens a workshop file the person chose: imported, listed and opened, with what came with it said; or why not. */
  openWorkshopFile: (fileName: string, content: string) => Promise<void>;
}

export function createWorkshopsSlice(deps: StoreDeps): StateCreator<AppState, [], [], WorkshopsSlice> {
  return (set, get) => ({
    workshops: [],
    showArchived: false,
    listStatus: 'idle',
    listError: null,
    listRefused: false,

    loadWorkshops: async () => {
      set({ listStatus: 'loading', listError: null, listRefused: false });
      const result = await deps.api['workshops.list']({ includeArchived: get().showArchived });
      if (result.ok) set({ workshops: result.value, listStatus: 'ready' });
      else set({ listStatus: 'error', listError: result.error.message, listRefused: result.error.code === 'forbidden' });
    },

    setShowArchived: async (show) => {
      set({ showArchived: show });
      await get().loadWorkshops();
    },

    createWorkshop: async (input) => {
      const result = await deps.api['workshops.create'](input);
      if (!result.ok) return { ok: false, message: result.error.message, issues: result.error.issues ?? [] };
      set({ workshops: [result.value, ...get().workshops] });
      return { ok: true, workshop: result.value };
    },

    renameWorkshop: async (id, title) => {
      // The title this list shows is what the rename starts from: one changed elsewhere meanwhile is not overwritten.
      const shown = get().workshops.find((w) => w.id === id);
      const result = await deps.api['workshops.update']({ id, patch: { title }, ...(shown ? { base: { title: shown.title } } : {}) });
      if (!result.ok) {
        if (result.error.code === 'conflict') await get().loadWorkshops();
        return { ok: false, message: result.error.message, issues: result.error.issues ?? [] };
      }
      const updated = result.value;
      set({ workshops: [updated, ...get().workshops.filter((w) => w.id !== id)] });
      get().workshopChangedElsewhere(updated);
      return { ok: true };
    },

    setArchived: async (id, archived) => {
      const result = await deps.api['workshops.archive']({ id, archived });
      if (!result.ok) {
        get().showNotice({ message: result.error.message, tone: 'error' });
        return false;
      }
      const updated = result.value;
      const rest = get().workshops.filter((w) => w.id !== id);
      const visible = get().showArchived || !updated.archived;
      set({ workshops: visible ? [updated, ...rest] : rest });
      get().workshopChangedElsewhere(updated);
      return true;
    },

    openWorkshopFile: async (fileName, content) => {
      const result = await deps.api['workshops.import']({ fileName, content });
      if (!result.ok) return get().showNotice({ message: result.error.message, tone: 'error' });
      await get().loadWorkshops();
      get().navigate({ name: 'workshop', id: result.value.id, step: 'setup' });
      const notice = [importNotice(result.value.opened, result.value.title), result.value.packNote].filter(Boolean).join(' ');
      if (notice) get().showNotice({ message: notice, tone: 'info' });
    },
  });
}
