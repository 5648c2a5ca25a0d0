import { useEffect } from 'react';
import { Dialog } from '../../components/Dialog';
import { useAppPick, useAppStore } from '../../stores/context';

/** Version, transport and where the data lives. */
export function AboutDialog() {
  const open = useAppStore((s) => s.dialog === 'about');
  const { openDialog, appInfo, loadAppInfo } = useAppPick('openDialog', 'appInfo', 'loadAppInfo');
  const info = appInfo?.ok ? appInfo.info : null;
  const error = appInfo && !appInfo.ok ? appInfo.message : null;

  useEffect(() => {
    if (open) void loadAppInfo();
  }, [open, loadAppInfo]);

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
