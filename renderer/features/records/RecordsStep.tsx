import { useEffect, useMemo, useState } from 'react';
import { allowedTransitions, buildRecordsInput, madrRecord, statusLabel, type DecisionRecord, type RecordStatus } from '../../../shared/records';
import { appliedChoice } from '../../../shared/workshop';
import { usePack } from '../../stores/derived';
import { useAppPick, useAppStore } from '../../stores/context';
import { MilestonesCard } from './MilestonesCard';
import { optionLabel } from '../../../shared/domain';
import { RECORDS_EXPORTS, type AcceptedRecord, type RecordsExport, type RecordsExportFormat } from '../../../shared/contract';
import { DecisionPicker } from '../../components/DecisionPicker';
import { Card, ErrorCallout, Field, OptionSelect, SubmitForm, TableHead } from '../../components/form';

type ExportFormat = RecordsExportFormat;
const NO_RECORDS: DecisionRecord[] = [];
const NO_CANDIDATES: AcceptedRecord[] = [];
/** The records' forms in the order the page offers them: the team's records first, the whole workshop last. */
const FORMATS = (['madr', 'nygard', 'html', 'pdf', 'csv', 'json'] as const).map((id) => ({ id, label: RECORDS_EXPORTS[id].label }));

/** Step 9: each decision's record with its status, a preview as it will be written, milestones and exports. */
export function RecordsStep() {
  const pack = usePack();
  const { session, current: workshop, records: shown, loadRecords, setRecordStatus } = useAppPick('session', 'current', 'records', 'loadRecords', 'setRecordStatus');
  const [exportError, setExportError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string>(() => pack.organisationDecisions[0]!.id);
  const workshopId = workshop?.id;
  // This workshop's records as last read; none yet while they load.
  const mine = shown && shown.workshopId === workshopId ? shown : null;
  const records = mine?.list ?? NO_RECORDS;
  const candidates = mine?.candidates ?? NO_CANDIDATES;
  const error = exportError ?? mine?.error ?? null;

  useEffect(() => {
    if (workshopId) void loadRecords(workshopId);
  }, [loadRecords, workshopId]);

  const input = useMemo(
    () => (workshop && session ? buildRecordsInput(workshop, session, pack, { generatedAt: new Date().toISOString(), records, diagram: false }) : null),
    [workshop, session, pack, records],
  );
  if (!workshop || !session || !input) return null;

  const setStatus = async (decision: string, status: RecordStatus, supersededBy?: AcceptedRecord) => {
    setExportError(null);
    await setRecordStatus(decision, status, supersededBy);
  };

  const outcome = (decisionId: string) => {
    const d = input.evaluation.decisions.find((x) => x.id === decisionId);
    // A decision that does not apply takes no choice (one made earlier is set aside).
    if (d && !d.applicable) return 'Not applicable';
    const choice = appliedChoice(d, session.roomChoices)?.option ?? d?.recommended ?? null;
    const decision = pack.decisions.find((x) => x.id === decisionId)!.decision;
    return choice === null ? 'No option left' : optionLabel(decision, choice);
  };

  return (
    <section className="step-page step-wide" aria-labelledby="records-title">
      <h2 id="records-title">Records</h2>
      <p className="lede">What the workshop leaves behind: a decision record per decision, in the format your team keeps next to its code, a report and a backlog.</p>
      {error && <ErrorCallout message={error} />}
      <div className="records-layout">
        <div className="records-main">
          <Card titleId="records-list-title" title="Decision records">
            <table className="data-table">
              <TableHead columns={['Decision', 'Outcome', 'Status', 'Change to']} />
              <tbody>
                {pack.organisationDecisions.map((d) => (
                  <RecordRow
                    key={d.id}
                    title={d.decision.title}
                    outcome={outcome(d.id)}
                    record={records.find((r) => r.decision === d.id)}
                    replacements={candidates.filter((c) => c.decision === d.id)}
                    setStatus={(status, by) => void setStatus(d.id, status, by)}
                  />
                ))}
              </tbody>
            </table>
          </Card>
          <Card titleId="preview-title" title="Preview (MADR)" aside={<DecisionPicker value={preview} onChange={setPreview} />}>
            <pre className="record-preview" tabIndex={0} aria-label="The record as it will be written">
              {madrRecord(input, preview)}
            </pre>
          </Card>
        </div>
        <div className="records-side">
          <RecordsExportCard onError={setExportError} />
          <MilestonesCard workshopId={workshop.id} />
        </div>
      </div>
    </section>
  );
}

/** One decision's record: its outcome, status and the statuses it can move to (superseded: by another workshop's accepted record). */
function RecordRow({
  title,
  outcome,
  record,
  replacements,
  setStatus,
}: {
  title: string;
  outcome: string;
  record: DecisionRecord | undefined;
  replacements: AcceptedRecord[];
  setStatus: (status: RecordStatus, supersededBy?: AcceptedRecord) => void;
}) {
  const next = record ? allowedTransitions(record.status).filter((s) => s !== 'superseded') : [];
  const canSupersede = record ? allowedTransitions(record.status).includes('superseded') : false;
  return (
    <tr>
      <th scope="row">{title}</th>
      <td>{outcome}</td>
      <td>
        <span className={`tag status-${record?.status ?? 'proposed'}`}>{statusLabel(record?.status ?? 'proposed')}</span>
      </td>
      <td className="status-actions">
        {next.map((s) => (
          <button key={s} type="button" className="button button-small" onClick={() => setStatus(s)} aria-label={`Mark ${title} ${s}`}>
            {statusLabel(s)}
          </button>
        ))}
        {canSupersede && replacements.length > 0 && (
          <select
            aria-label={`${title} superseded by`}
            value=""
            onChange={(e) => {
              const by = replacements.find((c) => c.workshop === e.target.value);
              if (by) setStatus('superseded', by);
            }}
          >
            <option value="">Superseded by…</option>
            {replacements.map((c) => (
              <option key={c.workshop} value={c.workshop}>
                {c.workshopTitle}
              </option>
            ))}
          </select>
        )}
        {record?.status === 'superseded' && <span className="muted small">Final</span>}
        {next.length === 0 && record?.status !== 'superseded' && !(canSupersede && replacements.length > 0) && (
          <span className="muted small">Superseded once a newer workshop accepts this decision</span>
        )}
      </td>
    </tr>
  );
}

/** Export: records into the team's folder, or one file; what a folder export wrote and left alone. */
function RecordsExportCard({ onError }: { onError: (message: string | null) => void }) {
  const exportRecords = useAppStore((s) => s.exportRecords);
  const clearRecordsError = useAppStore((s) => s.clearRecordsError);
  const [format, setFormat] = useState<ExportFormat>('madr');
  const [folder, setFolder] = useState('');
  const [result, setResult] = useState<RecordsExport | null>(null);
  const [busy, setBusy] = useState(false);

  const runExport = async () => {
    setBusy(true);
    setResult(null);
    const r = await exportRecords(format, folder);
    setBusy(false);
    if (!r.ok) return onError(r.message);
    // An export that worked takes down any earlier message, as one that failed puts its own up.
    onError(null);
    clearRecordsError();
    setResult(r.outcome);
  };

  return (
    <Card titleId="export-title" title="Export">
      <SubmitForm className="records-export" onSubmit={() => void runExport()}>
        <Field id="records-format" label="Format">
          <OptionSelect id="records-format" value={format} options={FORMATS} onChange={setFormat} />
        </Field>
        {(format === 'madr' || format === 'nygard') && (
          <Field id="records-folder" label="Folder">
            <input id="records-folder" value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="/home/you/project/docs/decisions" aria-describedby="records-folder-hint" />
            <p id="records-folder-hint" className="field-hint">
              The full path of your records folder. Numbering continues after the records already there; Stratum updates its own records and never changes other files.
            </p>
          </Field>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Exporting…' : 'Export'}
        </button>
      </SubmitForm>
      {result?.kind === 'folder' && (
        <div className="export-result" role="status">
          <p>
            Wrote to <span className="mono">{result.folder}</span>:
          </p>
          <ul className="plain-list">
            {result.files.map((f) => (
              <li key={f.name}>
                <span className="mono">{f.name}</span> <span className="muted small">{f.action === 'create' ? 'new' : f.action === 'update' ? 'updated' : 'unchanged'}</span>
              </li>
            ))}
            {result.skipped.map((f) => (
              <li key={f.name}>
                <span className="mono">{f.name}</span> <span className="muted small">left alone: {f.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
