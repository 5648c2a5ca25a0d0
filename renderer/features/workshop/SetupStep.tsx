import { TextField } from '../../components/TextField';
import { useAppPick, useAppStore } from '../../stores/context';
import type { EditableField } from '../../stores/editor-slice';
import { ParticipantsEditor } from './ParticipantsEditor';
import { WorkshopPackCard } from './WorkshopPackCard';

/** Step 1: the workshop's details, saved as they are typed. */
export function SetupStep() {
  const { draft, fieldErrors, editField } = useAppPick('draft', 'fieldErrors', 'editField');
  const workshopId = useAppStore((s) => s.current?.id);
  if (!draft) return null;
  const bind = (field: EditableField) => ({
    value: draft[field],
    onChange: (v: string) => editField(field, v),
    error: fieldErrors[field],
    name: field,
  });
  return (
    <section className="step-page" aria-labelledby="setup-title">
      <h2 id="setup-title">Setup</h2>
      <p className="lede">Who is deciding, for which organisation, and when. Changes are saved as you type.</p>
      <div className="form-grid">
        <TextField label="Title" required maxLength={200} {...bind('title')} />
        <TextField label="Organisation" maxLength={200} {...bind('organisation')} />
        <div className="field-row">
          <TextField label="Facilitator" maxLength={200} {...bind('facilitator')} />
          <TextField label="Workshop date" type="date" {...bind('date')} />
        </div>
        <TextField
          label="Description"
          multiline
          maxLength={5000}
          hint="What the room is here to decide, and anything the records should say about the setting."
          {...bind('description')}
        />
      </div>
      <ParticipantsEditor />
      {workshopId && <WorkshopPackCard workshopId={workshopId} />}
    </section>
  );
}
