import { useMemo } from 'react';
import { COST_ASSUMPTION_INFO } from '../../../shared/cost';
import { UNNAMED_PARTICIPANT, type WorkshopState } from '../../../shared/domain';
import type { CompiledPack } from '../../../shared/engine';
import { compareRevisions, evaluateWorkshop } from '../../../shared/workshop';
import { humanize } from '../../components/labels';
import { usePack } from '../../stores/derived';
import { useAppPick } from '../../stores/context';
import { changedKeys, same } from '../../stores/describe-edit';
import { detailDifferences } from '../../stores/editor-slice';
import { TableHead } from '../../components/form';
import { packOptionLabel } from '../../../shared/engine';

/** One line of the comparison: what it is, this tab's value, the other version's. */
export interface ComparisonRow {
  key: string;
  what: string;
  mine: string;
  theirs: string;
}

const NONE = '—';

function shown(text: string): string {
  return text.trim() === '' ? '(empty)' : text;
}

/** An answer as compareRevisions gives it ("high", "0.4", "true", "don’t know yet", null) in words. */
function answerText(value: string | null): string {
  if (value === null) return 'Not answered';
  if (value === 'true') return 'Yes';
  if (value === 'false') return 'No';
  if (/^-?\d/.test(value)) return value;
  return humanize(value);
}

/** Where this tab's answers, weights, participants, use cases and choices differ from the other version's. */
export function stateDifferences(pack: CompiledPack, mine: WorkshopState, theirs: WorkshopState): ComparisonRow[] {
  // The other version is the "from" side and this tab the "to" side: what this tab would change by keeping its edits.
  const c = compareRevisions(
    pack,
    { label: 'Other version', createdAt: null, state: theirs, evaluation: evaluateWorkshop(pack, theirs).evaluation },
    { label: 'This tab', createdAt: null, state: mine, evaluation: evaluateWorkshop(pack, mine).evaluation },
  );
  const option = (decision: string, id: string | null) =>
    id === null ? NONE : packOptionLabel(pack, decision, id);
  const criterion = (id: string) => (pack.criteria.find((x) => x.id === id)?.label ?? humanize(id)).toLowerCase();
  const of = (useCase: { name: string } | undefined, text: string) => (useCase ? `${useCase.name}: ${text}` : text);
  return [
    ...c.answers.map((a, i) => ({ key: `a${i}`, what: of(a.useCase, a.prompt), mine: answerText(a.to), theirs: answerText(a.from) })),
    ...c.weights.map((w, i) => ({ key: `w${i}`, what: `${w.participant}’s weight on ${criterion(w.criterion)}`, mine: String(w.to ?? 'Default'), theirs: String(w.from ?? 'Default') })),
    ...c.participants.added.map((p, i) => ({ key: `pa${i}`, what: 'Participant', mine: p, theirs: NONE })),
    ...c.participants.removed.map((p, i) => ({ key: `pr${i}`, what: 'Participant', mine: NONE, theirs: p })),
    ...c.useCases.added.map((u, i) => ({ key: `ua${i}`, what: 'Use case', mine: u, theirs: NONE })),
    ...c.useCases.removed.map((u, i) => ({ key: `ur${i}`, what: 'Use case', mine: NONE, theirs: u })),
    ...c.useCases.renamed.map((u, i) => ({ key: `un${i}`, what: 'Use case name', mine: u.to ?? NONE, theirs: u.from ?? NONE })),
    ...c.roomChoices.map((r, i) => ({ key: `c${i}`, what: of(r.useCase, `${r.title}: the room’s choice`), mine: option(r.decision, r.to), theirs: option(r.decision, r.from) })),
    ...c.recommendations.map((r, i) => ({ key: `r${i}`, what: of(r.useCase, `${r.title}: recommended`), mine: option(r.decision, r.to), theirs: option(r.decision, r.from) })),
    ...otherDifferences(pack, mine, theirs),
  ];
}

/**
 * What compareRevisions leaves out but keeping one version would still change: the currency and cost
 * assumptions, notes, who participants are, and the edits to the stack diagram.
 */
function otherDifferences(pack: CompiledPack, mine: WorkshopState, theirs: WorkshopState): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const factor = (id: string) => {
    const f = pack.factors.find((x) => x.id === id);
    return f ? (f.label ?? f.prompt) : humanize(id);
  };
  for (const key of changedKeys(mine.costAssumptions, theirs.costAssumptions)) {
    const currency = key === 'currency';
    const value = (v: number | string | null | undefined) => (v === undefined ? (currency ? 'USD' : 'Default') : v === null ? 'None' : String(v));
    const label = COST_ASSUMPTION_INFO.find((i) => i.key === key)?.label ?? humanize(key);
    rows.push({ key: `cost:${key}`, what: currency ? 'Currency' : `Cost assumption: ${label}`, mine: value(mine.costAssumptions[key]), theirs: value(theirs.costAssumptions[key]) });
  }
  const note = (text: string | undefined) => (text === undefined || text.trim() === '' ? NONE : text);
  for (const key of changedKeys(mine.notes, theirs.notes)) rows.push({ key: `note:${key}`, what: `Note on ${factor(key)}`, mine: note(mine.notes[key]), theirs: note(theirs.notes[key]) });
  for (const u of mine.useCases) {
    const other = theirs.useCases.find((x) => x.id === u.id);
    if (!other) continue;
    for (const key of changedKeys(u.notes, other.notes)) rows.push({ key: `note:${u.id}:${key}`, what: `${u.name}: note on ${factor(key)}`, mine: note(u.notes[key]), theirs: note(other.notes[key]) });
    if (u.description !== other.description) rows.push({ key: `desc:${u.id}`, what: `${u.name}: description`, mine: note(u.description), theirs: note(other.description) });
  }
  const person = (p: WorkshopState['participants'][number]) => [p.name || UNNAMED_PARTICIPANT, p.role, humanize(p.involvement)].filter(Boolean).join(', ');
  for (const p of mine.participants) {
    const other = theirs.participants.find((x) => x.id === p.id);
    if (other && !same(p, other)) rows.push({ key: `person:${p.id}`, what: 'Participant details', mine: person(p), theirs: person(other) });
  }
  if (!same(mine.diagram, theirs.diagram)) {
    rows.push({ key: 'diagram', what: 'Edits to the stack diagram', mine: 'As this tab has them', theirs: 'As the other version has them' });
  }
  return rows;
}

/** This tab's details and answers next to the other version's, line by line, where they differ. */
export function ConflictComparison({ id }: { id: string }) {
  const pack = usePack();
  const { draft, detailsConflict: detailsTheirs, sessionConflict, session, sessionTheirs } = useAppPick('draft', 'detailsConflict', 'sessionConflict', 'session', 'sessionTheirs');

  const details = useMemo(() => detailDifferences(draft, detailsTheirs).map((d) => ({ key: d.field, what: d.label, mine: shown(d.mine), theirs: shown(d.theirs) })), [draft, detailsTheirs]);
  const answers = useMemo(() => (sessionConflict && session && sessionTheirs ? stateDifferences(pack, session, sessionTheirs) : []), [pack, sessionConflict, session, sessionTheirs]);
  const reading = sessionConflict && !sessionTheirs;
  const rows = [...details, ...answers];

  return (
    // Scrolls on its own when long, so the step below stays in reach; focusable so a keyboard can scroll it.
    <div className="conflict-compare" id={id} role="region" aria-label="This tab and the other version compared" tabIndex={0}>
      {rows.length > 0 && (
        <table className="data-table conflict-compare-table">
          <TableHead columns={['Where they differ', 'This tab', 'Other version']} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.what}</th>
                <td>{r.mine}</td>
                <td>{r.theirs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {reading && <p className="muted small">Reading the other version’s answers…</p>}
      {rows.length === 0 && !reading && <p className="muted small">The two versions hold the same details and answers.</p>}
    </div>
  );
}
