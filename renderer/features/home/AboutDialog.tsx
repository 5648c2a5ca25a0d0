import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { useAppStore } from '../../stores/context';
import { useApi } from '../../api/context';

/** Version, transport and where the data lives. */
export function AboutDialog() {
  const open = useAppStore((s) => s.dialog === 'about');
  const openDialog = useAppStore((s) => s.openDialog);
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void api['app.info']({}).then((r) => {
      if (!live) return;
      if (r.ok) setInfo(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [open, api]);

  return (
    <Dialog
      title="About Stratum"
      open={open}
      onClose={() => openDialog(null)}
      onSubmit={() => openDialog(null)}
      actions={
        <button type="submit" className="button button-primary">
          Close
        </button>
      }
    >
      <p>Stratum helps a room decide where and how an organisation runs its AI. It works entirely on this computer.</p>
      {error && <p className="form-error">{error}</p>}
      {info && (
        <dl className="facts">
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Running as</dt>
          <dd>{info.transport === 'electron' ? 'Desktop window' : 'Browser mode (served from this computer only)'}</dd>
          <dt>Data file</dt>
          <dd className="mono">{info.dataFile}</dd>
          <dt>Schema version</dt>
          <dd>{info.schemaVersion}</dd>
        </dl>
      )}
    </Dialog>
  );
}
