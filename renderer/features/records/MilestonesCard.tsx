import { useEffect, useState } from 'react';
import type { Milestone, RevisionComparison } from '../../../shared/contract';
import { humanize } from '../../components/labels';
import { formatRelative } from '../../components/format';
import { useAppPick, useAppStore } from '../../stores/context';
import { usePack } from '../../stores/derived';
import { packOptionLabel } from '../../../shared/engine';
import { Card, Field, FieldError, OptionSelect, SubmitForm } from '../../components/form';

const NO_MILESTONES: Milestone[] = [];

/** Named revisions of the whole workshop: save one, list them, compare any two (or one with now). */
export function MilestonesCard({ workshopId }: { workshopId: string }) {
  const pack = usePack();
  const facilitator = useAppStore((s) => s.current?.facilitator ?? '');
  const { milestones: shown, loadMilestones, saveMilestone, compareMilestones } = useAppPick('milestones', 'loadMilestones', 'saveMilestone', 'compareMilestones');
  const milestones = shown && shown.workshopId === workshopId ? shown.list : NO_MILESTONES;
  const [name, setName] = useState('');
  const [author, setAuthor] = useState(facilitator);
  const [actionError, setError] = useState<string | null>(null);
  const [chosenFrom, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>('current');
  const [comparison, setComparison] = useState<{ result: RevisionComparison; heading: string } | null>(null);

  useEffect(() => {
    void loadMilestones(workshopId);
  }, [loadMilestones, workshopId]);
  // A list that could not be read says so; the first milestone is what a comparison starts from until one is chosen.
  const error = actionError ?? (shown && shown.workshopId === workshopId ? shown.error : null);
  const from = chosenFrom || milestones[0]?.id || '';

  const save = async () => {
    setError(null);
    const r = await saveMilestone(name, author);
    if (!r.ok) return setError(r.message);
    setName('');
  };

  const compare = async () => {
    if (!from) return;
    // The milestone compared from stays chosen, and the comparison keeps the names it was made with.
    setFrom(from);
    const heading = `${label(from)} → ${label(to)}`;
    const r = await compareMilestones(from, to);
    if (r.ok) setComparison({ result: r.comparison, heading });
    else setError(r.message);
  };

  const optionLabel = (decision: string, option: string | null) =>
    option === null ? '—' : packOptionLabel(pack, decision, option);
  const criterionLabel = (id: string) => pack.criteria.find((c) => c.id === id)?.label ?? humanize(id);
  const label = (ref: string) => (ref === 'current' ? 'Now' : (milestones.find((m) => m.id === ref)?.name ?? ref));

  const milestoneOptions = milestones.map((m) => ({ id: m.id, label: m.name }));

  return (
    <Card titleId="milestones-title" title="Milestones">
      <p className="muted small">A milestone keeps the whole workshop as it is now (answers, weights, participants, recommendations) and never changes.</p>
      <SubmitForm className="milestone-form" onSubmit={() => void save()}>
        <Field id="milestone-name" label="Name">
          <input id="milestone-name" value={name} maxLength={120} placeholder="e.g. End of day one" onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field id="milestone-author" label="Saved by">
          <input id="milestone-author" value={author} maxLength={120} onChange={(e) => setAuthor(e.target.value)} />
        </Field>
        <button type="submit" className="button">
          Save milestone
        </button>
      </SubmitForm>
      <FieldError message={error} />
      {milestones.length > 0 && (
        <>
          <MilestoneList milestones={milestones} />
          <SubmitForm className="compare-form" onSubmit={() => void compare()}>
            <label className="inline-field">
              <span>Compare</span>
              <OptionSelect value={from} options={milestoneOptions} onChange={setFrom} aria-label="Compare from" />
            </label>
            <label className="inline-field">
              <span>with</span>
              <OptionSelect value={to} options={[{ id: 'current', label: 'Now' }, ...milestoneOptions]} onChange={setTo} aria-label="Compare with" />
            </label>
            <button type="submit" className="button">
              Compare
            </button>
          </SubmitForm>
        </>
      )}
      {comparison && <ComparisonView comparison={comparison.result} heading={comparison.heading} optionLabel={optionLabel} criterionLabel={criterionLabel} />}
    </Card>
  );
}

/** What changed between two milestones, or a milestone and now, in a person's words. */
function ComparisonView({
  comparison,
  heading,
  optionLabel,
  criterionLabel,
}: {
  comparison: RevisionComparison;
  heading: string;
  optionLabel: (decision: string, option: string | null) => string;
  criterionLabel: (id: string) => string;
}) {
  return (
    <div className="comparison" aria-live="polite">
      <h4>{heading}</h4>
      {[
        comparison.recommendations,
        comparison.answers,
        comparison.weights,
        comparison.roomChoices,
        comparison.participants.added,
        comparison.participants.removed,
        comparison.useCases.added,
        comparison.useCases.removed,
        comparison.useCases.renamed,
      ].every((list) => list.length === 0) ? (
        <p className="muted">Nothing changed.</p>
      ) : (
        <ul className="plain-list">
          {comparison.recommendations.map((r) => (
            <li key={`rec-${r.useCase?.id ?? ''}-${r.decision}`}>
              {r.useCase ? (
                <>
                  <strong>{r.useCase.name}</strong>, {r.title.toLowerCase()}: lands {optionLabel(r.decision, r.from)} → {optionLabel(r.decision, r.to)}
                </>
              ) : (
                <>
                  <strong>{r.title}</strong>: recommendation {optionLabel(r.decision, r.from)} → {optionLabel(r.decision, r.to)}
                </>
              )}
            </li>
          ))}
          {comparison.roomChoices.map((r) => (
            <li key={`choice-${r.useCase?.id ?? ''}-${r.decision}`}>
              <strong>{r.useCase ? `${r.useCase.name}, ${r.title.toLowerCase()}` : r.title}</strong>: room’s choice {optionLabel(r.decision, r.from)} → {optionLabel(r.decision, r.to)}
            </li>
          ))}
          {comparison.useCases.added.map((name, i) => (
            <li key={`uc-added-${i}`}>Use case added: {name}</li>
          ))}
          {comparison.useCases.removed.map((name, i) => (
            <li key={`uc-removed-${i}`}>Use case removed: {name}</li>
          ))}
          {comparison.useCases.renamed.map((r, i) => (
            <li key={`uc-renamed-${i}`}>
              Use case renamed: {r.from} → {r.to}
            </li>
          ))}
          {comparison.answers.map((a) => (
            <li key={`answer-${a.useCase?.id ?? ''}-${a.factor}`}>
              {a.useCase ? <strong>{a.useCase.name}: </strong> : null}
              {a.prompt} <span className="muted">{a.from ?? 'not answered'} → {a.to ?? 'not answered'}</span>
            </li>
          ))}
          {comparison.weights.map((w) => (
            <li key={`weight-${w.participant}-${w.criterion}`}>
              {w.participant}’s weight on {criterionLabel(w.criterion).toLowerCase()}: {w.from ?? 'default'} → {w.to ?? 'default'}
            </li>
          ))}
          {comparison.participants.added.map((p) => (
            <li key={`added-${p}`}>{p} joined</li>
          ))}
          {comparison.participants.removed.map((p) => (
            <li key={`removed-${p}`}>{p} left</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The saved milestones, newest first: name, when, by whom. */
function MilestoneList({ milestones }: { milestones: readonly Milestone[] }) {
  return (
    <ul className="plain-list milestone-list" aria-label="Saved milestones">
      {milestones.map((m) => (
        <li key={m.id}>
          <strong>{m.name}</strong> <span className="muted small">· {formatRelative(m.createdAt)}{m.author ? ` · ${m.author}` : ''}</span>
        </li>
      ))}
    </ul>
  );
}
