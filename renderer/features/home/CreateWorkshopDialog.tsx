import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useAppStore } from '../../stores/context';

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const EMPTY = { title: '', organisation: '', facilitator: '', date: '', description: '' };

/** New workshop: a title is all it needs; the rest can be filled in later on the Setup step. */
export function CreateWorkshopDialog() {
  const open = useAppStore((s) => s.dialog === 'create-workshop');
  const openDialog = useAppStore((s) => s.openDialog);
  const createWorkshop = useAppStore((s) => s.createWorkshop);
  const navigate = useAppStore((s) => s.navigate);
  const [fields, setFields] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setFields(EMPTY);
    setErrors({});
    setFormError(null);
    openDialog(null);
  };

  const submit = async () => {
    if (busy) return;
    if (!fields.title.trim()) {
      setErrors({ title: 'Title is required.' });
      return;
    }
    setBusy(true);
    const result = await createWorkshop({
      title: fields.title,
      organisation: fields.organisation,
      facilitator: fields.facilitator,
      date: fields.date || today(),
      description: fields.description,
    });
    setBusy(false);
    if (!result.ok) {
      const next: Record<string, string> = {};
      for (const issue of result.issues) next[issue.path] = `${issue.path[0]?.toUpperCase()}${issue.path.slice(1)} ${issue.message}.`;
      setErrors(next);
      setFormError(result.issues.length === 0 ? result.message : null);
      return;
    }
    close();
    navigate({ name: 'workshop', id: result.workshop.id, step: 'setup' });
  };

  const set = (key: keyof typeof EMPTY) => (value: string) => setFields((f) => ({ ...f, [key]: value }));

  return (
    <Dialog
      title="New workshop"
      open={open}
      onClose={close}
      onSubmit={() => void submit()}
      actions={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Create workshop
          </button>
        </>
      }
    >
      {open && (
        <>
          <TextField label="Title" name="title" value={fields.title} onChange={set('title')} error={errors['title']} required autoFocus maxLength={200} hint="For example: AI platform strategy 2027" />
          <TextField label="Organisation" name="organisation" value={fields.organisation} onChange={set('organisation')} error={errors['organisation']} maxLength={200} />
          <div className="field-row">
            <TextField label="Facilitator" name="facilitator" value={fields.facilitator} onChange={set('facilitator')} error={errors['facilitator']} maxLength={200} />
            <TextField label="Date" name="date" type="date" value={fields.date || today()} onChange={set('date')} error={errors['date']} />
          </div>
          {formError && (
            <p className="form-error" role="alert">
              {formError}
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}
