import { useState } from 'react';
import type { Workshop } from '../../../shared/domain';
import { CancelOrSubmit, Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useAppStore } from '../../stores/context';

interface RenameDialogProps {
  workshop: Workshop;
  onClose: () => void;
}

export function RenameDialog({ workshop, onClose }: RenameDialogProps) {
  const renameWorkshop = useAppStore((s) => s.renameWorkshop);
  const [title, setTitle] = useState(workshop.title);
  const [error, setError] = useState<string | undefined>();

  const submit = async () => {
    if (!title.trim()) {
      setError('Title is required.');
      return;
    }
    const result = await renameWorkshop(workshop.id, title);
    if (result.ok) onClose();
    else setError(result.issues[0] ? `Title ${result.issues[0].message}.` : result.message);
  };

  return (
    <Dialog
      title="Rename workshop"
      open
      onClose={onClose}
      onSubmit={() => void submit()}
      actions={<CancelOrSubmit submitLabel="Rename" onCancel={onClose} />}
    >
      <TextField label="Title" name="title" value={title} onChange={setTitle} error={error} required autoFocus maxLength={200} />
    </Dialog>
  );
}
