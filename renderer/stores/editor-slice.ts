import type { StateCreator } from 'zustand';
import { WorkshopFields, type Workshop } from '../../shared/domain';
import type { AppState, StoreDeps } from './store';

export type EditableField = keyof WorkshopFields;
export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export interface EditorSlice {
  /** The workshop as last saved. */
  current: Workshop | null;
  /** What the person sees and types, saved after a pause. */
  draft: Record<EditableField, string> | null;
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
}

export const AUTOSAVE_DELAY_MS = 600;

const FIELD_LABELS: Record<EditableField, string> = {
  title: 'Title',
  organisation: 'Organisation',
  facilitator: 'Facilitator',
  date: 'Date',
  description: 'Description',
};

function draftOf(w: Workshop): Record<EditableField, string> {
  return { title: w.title, organisation: w.organisation, facilitator: w.facilitator, date: w.date, description: w.description };
}

/** Checks one field against the contract; returns a message naming the field, or null. */
export function validateField(field: EditableField, value: string): string | null {
  const parsed = WorkshopFields.shape[field].safeParse(value);
  return parsed.success ? null : `${FIELD_LABELS[field]} ${parsed.error.issues[0]?.message ?? 'is not valid'}.`;
}

export function createEditorSlice(deps: StoreDeps): StateCreator<AppState, [], [], EditorSlice> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;

  const cancelTimer = () => {
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = null;
  };

  return (set, get) => {
    const pendingPatch = (): Partial<WorkshopFields> => {
      const { current, draft, fieldErrors } = get();
      if (!current || !draft) return {};
      const patch: Partial<WorkshopFields> = {};
      for (const key of Object.keys(draft) as EditableField[]) {
        if (fieldErrors[key]) continue;
        const value = key === 'description' ? draft[key] : draft[key].trim();
        if (value !== current[key]) patch[key] = value;
      }
      return patch;
    };

    const saveOnce = async (): Promise<void> => {
      const { current } = get();
      const patch = pendingPatch();
      if (!current || Object.keys(patch).length === 0) {
        if (get().saveState === 'saving') set({ saveState: 'saved' });
        return;
      }
      set({ saveState: 'saving', saveError: null });
      const result = await deps.api['workshops.update']({ id: current.id, patch });
      if (get().current?.id !== current.id) return;
      if (result.ok) {
        set({ current: result.value, saveState: 'saved', saveError: null });
        get().workshopChangedElsewhere(result.value);
        // Edits typed while this save was in flight go out in the next one.
        if (Object.keys(pendingPatch()).length > 0) await saveOnce();
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

    return {
      current: null,
      draft: null,
      loadStatus: 'idle',
      loadError: null,
      fieldErrors: {},
      saveState: 'idle',
      saveError: null,

      openWorkshop: async (id) => {
        if (get().current?.id === id && get().loadStatus === 'ready') return;
        await get().flushSave();
        set({ current: null, draft: null, loadStatus: 'loading', loadError: null, fieldErrors: {}, saveState: 'idle', saveError: null });
        const result = await deps.api['workshops.get']({ id });
        if (result.ok) set({ current: result.value, draft: draftOf(result.value), loadStatus: 'ready' });
        else set({ loadStatus: 'error', loadError: result.error.message });
      },

      closeWorkshop: async () => {
        await get().flushSave();
        set({ current: null, draft: null, loadStatus: 'idle', fieldErrors: {}, saveState: 'idle', saveError: null });
      },

      editField: (field, value) => {
        const { draft } = get();
        if (!draft) return;
        const error = validateField(field, value);
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
        const { current, draft } = get();
        const items = get().workshops;
        if (items.some((w) => w.id === workshop.id)) {
          set({ workshops: items.map((w) => (w.id === workshop.id ? workshop : w)) });
        }
        if (current?.id === workshop.id && draft) {
          // Keep what the person is typing; take the saved values for fields they have not touched.
          const merged = { ...draft };
          for (const key of Object.keys(draft) as EditableField[]) {
            if (draft[key] === current[key]) merged[key] = workshop[key];
          }
          set({ current: workshop, draft: merged });
        }
      },
    };
  };
}
