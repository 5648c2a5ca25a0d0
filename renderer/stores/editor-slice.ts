import type { StateCreator } from 'zustand';
import type { Workshop, WorkshopFields } from '../../shared/domain';
import type { WorkshopFields as WorkshopFieldRules } from '../../shared/domain/workshop';
import { codeDidNotLoad } from '../code-load-failure';
import type { AppState, SetAppState, StoreDeps } from './store';

export type EditableField = keyof WorkshopFields;
export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export interface EditorSlice {
  /** The workshop as last saved. */
  current: Workshop | null;
  /** What the person sees and types, saved after a pause. */
  draft: Record<EditableField, string> | null;
  /** For each field, the saved value the person's edit started from: sent with a save, so one over another tab's edit is refused. */
  draftBase: Record<EditableField, string> | null;
  /** When a save was refused because another tab or window changed the same details: that version, as saved. */
  detailsConflict: Workshop | null;
  loadStatus: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  fieldErrors: Partial<Record<EditableField, string>>;
  saveState: SaveState;
  saveError: string | null;
  openWorkshop: (id: string) => Promise<void>;
  closeWorkshop: () => Promise<void>;
  editField: (field: EditableField, value: string) => void;
  /** Saves pending edits now (after the debounce, on leaving a page, or on retry). */
  flushSave: () => Promise<void>;
  workshopChangedElsewhere: (workshop: Workshop) => void;
  /** After a conflict: saves this tab's details over the other version. */
  keepDetailsEdits: () => Promise<void>;
  /** After a conflict: shows the other version's details and drops this tab's unsaved edits to them. */
  takeOtherDetails: () => Promise<void>;
}

/** One detail as this tab has it and as the other tab saved it. */
export interface DetailDifference {
  field: EditableField;
  label: string;
  mine: string;
  theirs: string;
}

export const AUTOSAVE_DELAY_MS = 600;

const FIELD_LABELS: Record<EditableField, string> = {
  title: 'Title',
  organisation: 'Organisation',
  facilitator: 'Facilitator',
  date: 'Date',
  description: 'Description',
};

const FIELDS = Object.keys(FIELD_LABELS) as EditableField[];

function draftOf(w: Workshop): Record<EditableField, string> {
  return { title: w.title, organisation: w.organisation, facilitator: w.facilitator, date: w.date, description: w.description };
}

/** A typed value as it would be saved (the contract trims all but the description). */
function saved(field: EditableField, value: string): string {
  return field === 'description' ? value : value.trim();
}

/** The details where this tab's value and the other tab's saved one differ, in the form's order. */
export function detailDifferences(draft: Record<EditableField, string> | null, theirs: Workshop | null): DetailDifference[] {
  if (!draft || !theirs) return [];
  return FIELDS.filter((f) => saved(f, draft[f]) !== theirs[f]).map((f) => ({ field: f, label: FIELD_LABELS[f], mine: saved(f, draft[f]), theirs: theirs[f] }));
}

/** The contract's rules for the details, loaded with the first workshop opened: the workshop list needs none of them. */
type FieldRules = typeof WorkshopFieldRules;
let fieldRules: FieldRules | null = null;
async function loadFieldRules(): Promise<FieldRules> {
  fieldRules ??= (await import('../../shared/domain/workshop')).WorkshopFields;
  return fieldRules;
}

/** Checks one field against the contract; returns a message naming the field, or null. */
function validateField(rules: FieldRules, field: EditableField, value: string): string | null {
  const parsed = rules.shape[field].safeParse(value);
  return parsed.success ? null : `${FIELD_LABELS[field]} ${parsed.error.issues[0]?.message ?? 'is not valid'}.`;
}

/**
 * Saving the details: what is pending, taking a saved version, keeping the list in step, and one save with its
 * conflict and refusal handling.
 */
function detailsSaver(deps: StoreDeps, set: SetAppState, get: () => AppState) {
  const pendingPatch = (): Partial<WorkshopFields> => {
    const { current, draft, fieldErrors } = get();
    if (!current || !draft) return {};
    const patch: Partial<WorkshopFields> = {};
    for (const key of FIELDS) {
      if (fieldErrors[key]) continue;
      const value = saved(key, draft[key]);
      if (value !== current[key]) patch[key] = value;
    }
    return patch;
  };

  /**
   * Takes a saved version of the open workshop. Fields the person has not touched show it; fields they are editing
   * keep their text and the value it started from, so saving them over an edit made elsewhere is refused, not
   * silent. `written`: the fields this tab just saved, whose saved value is now the start of any further edit.
   */
  const takeSaved = (workshop: Workshop, written: readonly EditableField[] = []) => {
    const { current, draft, draftBase } = get();
    if (current?.id !== workshop.id || !draft || !draftBase) return;
    const nextDraft = { ...draft };
    const nextBase = { ...draftBase };
    for (const key of FIELDS) {
      if (written.includes(key)) {
        nextBase[key] = workshop[key];
      } else if (draft[key] === current[key]) {
        nextDraft[key] = workshop[key];
        nextBase[key] = workshop[key];
      }
    }
    set({ current: workshop, draft: nextDraft, draftBase: nextBase });
  };

  const updateList = (workshop: Workshop) => {
    const items = get().workshops;
    if (items.some((w) => w.id === workshop.id)) set({ workshops: items.map((w) => (w.id === workshop.id ? workshop : w)) });
  };

  const latestOf = async (id: string): Promise<Workshop | null> => {
    const result = await deps.api['workshops.get']({ id });
    if (get().current?.id !== id) return null;
    if (!result.ok) {
      set({ saveState: 'error', saveError: result.error.message });
      return null;
    }
    return result.value;
  };

  const saveOnce = async (): Promise<void> => {
    const { current, draftBase, detailsConflict } = get();
    // Until the person chooses a version, edits wait here: saving them again would be refused again.
    if (detailsConflict) {
      set({ saveState: 'error' });
      return;
    }
    const patch = pendingPatch();
    const keys = Object.keys(patch) as EditableField[];
    if (!current || keys.length === 0) {
      if (get().saveState === 'saving') set({ saveState: 'saved' });
      return;
    }
    set({ saveState: 'saving', saveError: null });
    const base: Partial<WorkshopFields> = {};
    for (const key of keys) base[key] = draftBase?.[key] ?? current[key];
    const result = await deps.api['workshops.update']({ id: current.id, patch, base });
    if (get().current?.id !== current.id) return;
    if (result.ok) {
      takeSaved(result.value, keys);
      updateList(result.value);
      set({ saveState: 'saved', saveError: null });
      // Edits typed while this save was in flight go out in the next one.
      if (Object.keys(pendingPatch()).length > 0) await saveOnce();
    } else if (result.error.code === 'conflict') {
      // Another tab saved some of these fields first: show its edits to the others, and let the person choose.
      const latest = await latestOf(current.id);
      if (!latest) return;
      takeSaved(latest);
      updateList(latest);
      if (Object.keys(pendingPatch()).length === 0) set({ saveState: 'saved', saveError: null });
      else set({ saveState: 'error', saveError: result.error.message, detailsConflict: latest });
    } else {
      const issues = result.error.issues ?? [];
      const fieldErrors = { ...get().fieldErrors };
      for (const issue of issues) {
        const field = issue.path.replace(/^patch\./, '') as EditableField;
        if (field in FIELD_LABELS) fieldErrors[field] = `${FIELD_LABELS[field]} ${issue.message}.`;
      }
      set({ saveState: 'error', saveError: result.error.message, fieldErrors });
    }
  };

  return { pendingPatch, takeSaved, updateList, latestOf, saveOnce };
}

export function createEditorSlice(deps: StoreDeps): StateCreator<AppState, [], [], EditorSlice> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;

  const cancelTimer = () => {
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = null;
  };

  return (set, get) => {
    const { pendingPatch, takeSaved, updateList, latestOf, saveOnce } = detailsSaver(deps, set, get);

    return {
      current: null,
      draft: null,
      draftBase: null,
      detailsConflict: null,
      loadStatus: 'idle',
      loadError: null,
      fieldErrors: {},
      saveState: 'idle',
      saveError: null,

      openWorkshop: async (id) => {
        if (get().current?.id === id && get().loadStatus === 'ready') return;
        await get().flushSave();
        set({ current: null, draft: null, draftBase: null, detailsConflict: null, loadStatus: 'loading', loadError: null, fieldErrors: {}, saveState: 'idle', saveError: null });
        let result: Awaited<ReturnType<StoreDeps['api']['workshops.get']>>;
        try {
          [result] = await Promise.all([deps.api['workshops.get']({ id }), loadFieldRules()]);
        } catch (e) {
          // The rules' code did not load (a damaged install): say so rather than wait for ever.
          set({ loadStatus: 'error', loadError: codeDidNotLoad(e) });
          return;
        }
        if (result.ok) set({ current: result.value, draft: draftOf(result.value), draftBase: draftOf(result.value), loadStatus: 'ready' });
        else set({ loadStatus: 'error', loadError: result.error.message });
      },

      closeWorkshop: async () => {
        await get().flushSave();
        set({ current: null, draft: null, draftBase: null, detailsConflict: null, loadStatus: 'idle', fieldErrors: {}, saveState: 'idle', saveError: null });
      },

      editField: (field, value) => {
        const { draft } = get();
        // A draft exists only once a workshop is open, and opening it loaded the rules.
        if (!draft || !fieldRules) return;
        const error = validateField(fieldRules, field, value);
        const fieldErrors = { ...get().fieldErrors };
        if (error) fieldErrors[field] = error;
        else delete fieldErrors[field];
        set({ draft: { ...draft, [field]: value }, fieldErrors });
        cancelTimer();
        if (Object.keys(pendingPatch()).length > 0) {
          set({ saveState: 'saving' });
          timer = deps.timers.setTimeout(() => {
            timer = null;
            void get().flushSave();
          }, AUTOSAVE_DELAY_MS);
        } else if (get().saveState === 'saving' && !inFlight) {
          set({ saveState: 'saved' });
        }
      },

      flushSave: async () => {
        cancelTimer();
        if (inFlight) await inFlight;
        inFlight = saveOnce().finally(() => {
          inFlight = null;
        });
        await inFlight;
      },

      workshopChangedElsewhere: (workshop) => {
        updateList(workshop);
        // Keep what the person is typing; take the saved values for fields they have not touched.
        takeSaved(workshop);
      },

      keepDetailsEdits: async () => {
        const { current } = get();
        if (!current) return;
        const latest = await latestOf(current.id);
        if (!latest) return;
        takeSaved(latest);
        updateList(latest);
        // This tab's edits are saved on top of the version just read, replacing it (as the bar says).
        set({ draftBase: draftOf(latest), detailsConflict: null, saveState: 'saving', saveError: null });
        await get().flushSave();
      },

      takeOtherDetails: async () => {
        const { current } = get();
        if (!current) return;
        cancelTimer();
        const latest = await latestOf(current.id);
        if (!latest) return;
        updateList(latest);
        set({ current: latest, draft: draftOf(latest), draftBase: draftOf(latest), fieldErrors: {}, detailsConflict: null, saveState: 'saved', saveError: null });
      },
    };
  };
}
