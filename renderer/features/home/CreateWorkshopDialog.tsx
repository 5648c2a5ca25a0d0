import { useEffect, useState } from 'react';
import { CancelOrSubmit, Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useAppPick, useAppStore } from '../../stores/context';

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const EMPTY = { title: '', organisation: '', facilitator: '', date: '', description: '' };

/** New workshop: a title is all it needs; the rest can be filled in later on the Setup step. */
export function CreateWorkshopDialog() {
  const open = useAppStore((s) => s.dialog === 'create-workshop');
  const { openDialog, createWorkshop, navigate } = useAppPick('openDialog', 'createWorkshop', 'navigate');
  const [fields, setFields] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { packs, packsStatus, loadPacks } = useAppPick('packs', 'packsStatus', 'loadPacks');
  /** The chosen pack as "id@version"; empty for the built-in one. */
  const [pack, setPack] = useState('');
  // The library is read when the dialog opens, so a pack imported a moment ago is there to choose.
  useEffect(() => {
    if (open) void loadPacks();
  }, [open, loadPacks]);
  const teamPacks = packs.filter((p) => !p.builtIn);
  const builtIn = packs.find((p) => p.builtIn);

  const close = () => {
    setFields(EMPTY);
    setPack('');
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
    const chosen = teamPacks.find((p) => `${p.id}@${p.version}` === pack);
    const result = await createWorkshop({
      title: fields.title,
      organisation: fields.organisation,
      facilitator: fields.facilitator,
      date: fields.date || today(),
      description: fields.description,
      ...(chosen ? { pack: { id: chosen.id, version: chosen.version } } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      const next: Record<string, string> = {};
      for (const issue of result.issues) next[issue.path] = `${issue.path[0]?.toUpperCase()}${issue.path.slice(1)} ${issue.message}.`;
      setErrors(next);
      // A field this form does not show (the pack) is told in the form's own line.
      setFormError(result.issues.length === 0 || result.issues.some((i) => i.path === 'pack') ? result.message : null);
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
      actions={<CancelOrSubmit submitLabel="Create workshop" onCancel={close} busy={busy} />}
    >
      {open && (
        <>
          <TextField label="Title" name="title" value={fields.title} onChange={set('title')} error={errors['title']} required autoFocus maxLength={200} hint="For example: AI platform strategy 2027" />
          <TextField label="Organisation" name="organisation" value={fields.organisation} onChange={set('organisation')} error={errors['organisation']} maxLength={200} />
          <div className="field-row">
            <TextField label="Facilitator" name="facilitator" value={fields.facilitator} onChange={set('facilitator')} error={errors['facilitator']} maxLength={200} />
            <TextField label="Date" name="date" type="date" value={fields.date || today()} onChange={set('date')} error={errors['date']} />
          </div>
          {teamPacks.length > 0 && (
            <div className="field">
              <label htmlFor="create-pack" className="field-label">
                Rule pack
              </label>
              <select id="create-pack" value={pack} onChange={(e) => setPack(e.target.value)} aria-describedby="create-pack-hint">
                <option value="">{builtIn ? `${builtIn.title} ${builtIn.version} (built in)` : 'Built in'}</option>
                {teamPacks.map((p) => (
                  <option key={`${p.id}@${p.version}`} value={`${p.id}@${p.version}`}>
                    {p.title} {p.version}
                  </option>
                ))}
              </select>
              <p id="create-pack-hint" className="field-hint">
                The rules the workshop is evaluated with. It can move to a newer version of the same pack later.
              </p>
            </div>
          )}
          {packsStatus === 'error' && <p className="muted small">Your team’s rule packs could not be listed; the workshop will use the built-in pack.</p>}
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
