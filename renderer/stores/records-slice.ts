import type { StateCreator } from 'zustand';
import type { AcceptedRecord, Milestone, RevisionComparison } from '../../shared/contract';
import type { DecisionRecord, RecordStatus } from '../../shared/records';
import type { AppState, StoreDeps } from './store';

/** The open workshop's decision records, and the accepted records of other workshops one may be superseded by. */
export interface RecordsView {
  workshopId: string;
  list: DecisionRecord[];
  candidates: AcceptedRecord[];
  error: string | null;
}

/** The open workshop's milestones, newest first. */
export interface MilestonesView {
  workshopId: string;
  list: Milestone[];
  error: string | null;
}

export interface RecordsSlice {
  records: RecordsView | null;
  milestones: MilestonesView | null;
  loadRecords: (workshopId: string) => Promise<void>;
  /** Takes down what the records last said went wrong (something since has worked). */
  clearRecordsError: () => void;
  /** Moves a record to a status (superseded: by which accepted record); the records as saved, or the reason it was refused. */
  setRecordStatus: (decision: string, status: RecordStatus, supersededBy?: AcceptedRecord) => Promise<void>;
  loadMilestones: (workshopId: string) => Promise<void>;
  /** Saves what is saved now as a named milestone (pending edits first); the reason when it cannot. */
  saveMilestone: (name: string, author: string) => Promise<{ ok: true } | { ok: false; message: string }>;
  /** What changed between two milestones, or a milestone and now (`current`). */
  compareMilestones: (from: string, to: string) => Promise<{ ok: true; comparison: RevisionComparison } | { ok: false; message: string }>;
}

export function createRecordsSlice(deps: StoreDeps): StateCreator<AppState, [], [], RecordsSlice> {
  // An answer for a workshop that is no longer open is dropped.
  const stillOpen = (get: () => AppState, workshopId: string) => get().current?.id === workshopId;
  return (set, get) => ({
    records: null,
    milestones: null,

    loadRecords: async (workshopId) => {
      // What went wrong last time is not said again while the records are read afresh.
      get().clearRecordsError();
      const [list, candidates] = await Promise.all([deps.api['records.list']({ id: workshopId }), deps.api['records.candidates']({ id: workshopId })]);
      if (!stillOpen(get, workshopId)) return;
      set({
        records: {
          workshopId,
          list: list.ok ? list.value : [],
          candidates: candidates.ok ? candidates.value : [],
          error: list.ok ? null : list.error.message,
        },
      });
    },

    clearRecordsError: () => {
      const shown = get().records;
      if (shown?.error) set({ records: { ...shown, error: null } });
    },

    setRecordStatus: async (decision, status, supersededBy) => {
      const workshopId = get().current?.id;
      if (!workshopId) return;
      const r = await deps.api['records.update']({
        id: workshopId,
        decision,
        status,
        ...(supersededBy ? { supersededBy: { workshop: supersededBy.workshop, decision: supersededBy.decision } } : {}),
      });
      const shown = get().records;
      if (!stillOpen(get, workshopId) || shown?.workshopId !== workshopId) return;
      set({ records: r.ok ? { ...shown, list: r.value, error: null } : { ...shown, error: r.error.message } });
    },

    loadMilestones: async (workshopId) => {
      const r = await deps.api['milestones.list']({ id: workshopId });
      if (!stillOpen(get, workshopId)) return;
      const before = get().milestones;
      set({
        milestones: r.ok
          ? { workshopId, list: r.value, error: null }
          : { workshopId, list: before?.workshopId === workshopId ? before.list : [], error: r.error.message },
      });
    },

    saveMilestone: async (name, author) => {
      const workshopId = get().current?.id;
      if (!workshopId) return { ok: false, message: 'No workshop is open.' };
      if (!name.trim()) return { ok: false, message: 'Name is required to save a milestone.' };
      // A milestone records what is saved: save pending edits first.
      await get().flushSave();
      await get().flushSession();
      const r = await deps.api['milestones.create']({ id: workshopId, name, author });
      if (!r.ok) return { ok: false, message: r.error.message };
      await get().loadMilestones(workshopId);
      return { ok: true };
    },

    compareMilestones: async (from, to) => {
      const workshopId = get().current?.id;
      if (!workshopId) return { ok: false, message: 'No workshop is open.' };
      const r = await deps.api['milestones.compare']({ id: workshopId, from, to });
      return r.ok ? { ok: true, comparison: r.value } : { ok: false, message: r.error.message };
    },
  });
}
