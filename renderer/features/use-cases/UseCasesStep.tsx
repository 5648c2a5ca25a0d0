import { useEffect, useId, useRef, useState } from 'react';
import { MAX_USE_CASES, nameOfUseCase, type AnswerValue, type UseCase } from '../../../shared/domain';
import { packOptionLabel, questionsAt, type CompiledPack, type Factor, type UseCaseEvaluation } from '../../../shared/engine';
import { humanize } from '../../components/labels';
import { ConsistencyCallout } from '../../components/ConsistencyCallout';
import { useDerived, usePack } from '../../stores/derived';
import { useAppStore } from '../../stores/context';
import { FactorQuestion } from '../context/FactorQuestion';
import { keptWords } from '../context/number-answer';
import { useAnswerNumber } from '../context/use-answer-number';
import { ActionsColumnHead } from '../../components/form';
import { StepPage } from '../../components/StepPage';
import {
  newUseCase,
  withUseCaseAdded,
  withUseCaseAnswer,
  withUseCaseCleared,
  withUseCaseDontKnow,
  withUseCaseMoved,
  withUseCaseNote,
  withUseCaseRemoved,
  withUseCaseRestored,
  withUseCaseText,
} from './use-case-actions';

const DONT_KNOW = '__dont-know__';

/** The questions asked of each use case, in pack order. */
export function questionsPerUseCase(pack: CompiledPack): Factor[] {
  return questionsAt(pack, 'use-case');
}

/** Where a use case lands, in one line: "On-premises, trains in the cloud · Real-time · Custom platform". */
export function landsLine(pack: CompiledPack, evaluation: UseCaseEvaluation | undefined): string {
  if (!evaluation) return '';
  const label = (decision: string, option: string | null) =>
    option === null ? null : packOptionLabel(pack, decision, option);
  const outcome = (decision: string) => evaluation.outcomes.find((o) => o.decision === decision);
  // Where the organisation's outcome moved it from its own best, or the room chose, it says so.
  const why = (decision: string): string => {
    const o = outcome(decision);
    if (o?.source === 'room') return ' (the room’s choice)';
    if (o?.source === 'roadmap') {
      const own = evaluation.decisions.find((d) => d.id === decision)?.recommended ?? null;
      return own && own !== o.option ? ` (on its own: ${label(decision, own)})` : '';
    }
    return '';
  };
  const serving = outcome('serving-placement');
  const training = label('training-placement', outcome('training-placement')?.option ?? null);
  const where = serving?.source === 'implied' ? 'At the provider' : label('serving-placement', serving?.option ?? null);
  const trains = training ? `, trains ${training === 'Public cloud' ? 'in the cloud' : training.toLowerCase()}${why('training-placement')}` : '';
  const parts = [
    where ? `${where}${serving?.source === 'implied' ? '' : why('serving-placement')}${trains}` : null,
    label('serving-mode', outcome('serving-mode')?.option ?? null)?.concat(why('serving-mode')) ?? null,
    label('sourcing', outcome('sourcing')?.option ?? null)?.concat(why('sourcing')) ?? null,
  ].filter((p): p is string => p !== null);
  return parts.join(' · ');
}

/** Step 2: the transformation roadmap, one row per use case, each question a column; details and notes per row. */
export function UseCasesStep() {
  const pack = usePack();
  const derived = useDerived();
  const useCases = useAppStore((s) => s.session?.useCases);
  const change = useAppStore((s) => s.change);
  const [open, setOpen] = useState<string | null>(null);
  // Each removal is numbered, so its notice (and the focus on its Undo) is new even for the same use case again.
  const [removed, setRemoved] = useState<{ useCase: UseCase; at: number; n: number } | null>(null);
  const removals = useRef(0);
  // Where the keyboard goes next: a new or restored row's name, or the Undo of a removal.
  const [focusName, setFocusName] = useState<string | null>(null);
  if (!useCases || !derived) return null;
  const factors = questionsPerUseCase(pack);
  const full = useCases.length >= MAX_USE_CASES;

  const add = (useCase: UseCase) => {
    change((s) => withUseCaseAdded(s, useCase));
    setRemoved(null);
    setOpen(useCase.id);
    setFocusName(useCase.id);
  };
  const remove = (u: UseCase, at: number) => {
    change((s) => withUseCaseRemoved(s, u.id));
    removals.current += 1;
    setRemoved({ useCase: u, at, n: removals.current });
    if (open === u.id) setOpen(null);
  };

  return (
    <StepPage
      titleId="use-cases-title"
      title="Use cases"
      width="wide"
      lede="The transformation roadmap: what the AI is for. Each use case gets its own placement, serving mode and sourcing, and the organisation’s deployment, inference mode and AI sourcing follow from them. Start from a typical one or from scratch; every answer moves the recommendations at once."
      aside={
        <p className="progress-total" aria-label={`${useCases.length} of at most ${MAX_USE_CASES} use cases`}>
          <strong>{useCases.length}</strong> use case{useCases.length === 1 ? '' : 's'} <span className="muted">(at most {MAX_USE_CASES})</span>
        </p>
      }
    >

      <UseCaseAdder full={full} onAdd={add} />

      <ConsistencyCallout
        issues={(derived?.evaluation.consistency ?? []).filter((i) => i.useCase !== undefined)}
        nameOfUseCase={(id) => {
          const u = useCases.find((x) => x.id === id);
          return u ? nameOfUseCase(u) : 'A use case';
        }}
      />

      {removed && (
        <RemovedNotice
          key={removed.n}
          name={nameOfUseCase(removed.useCase)}
          onUndo={() => {
            change((s) => withUseCaseRestored(s, removed.useCase, removed.at));
            setFocusName(removed.useCase.id);
            setRemoved(null);
          }}
        />
      )}

      {useCases.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No use cases yet.</strong> The deployment, inference mode and sourcing are worked out from the use cases: add the first one above.
          </p>
        </div>
      ) : (
        <div className="table-scroll usecase-scroll" tabIndex={0} role="region" aria-label="Use cases and their answers">
          <table className="usecase-grid">
            <caption className="visually-hidden">One row per use case; each column is one of its questions. Where it lands is under its name.</caption>
            <thead>
              <tr>
                <th scope="col" className="usecase-name-col">
                  Use case
                </th>
                {factors.map((f) => (
                  <th scope="col" key={f.id} title={f.prompt}>
                    {f.label ?? humanize(f.id)}
                    {f.type === 'number' && f.unit && f.unit !== 'requests' ? <span className="unit"> ({f.unit})</span> : null}
                  </th>
                ))}
                <ActionsColumnHead />
              </tr>
            </thead>
            <tbody>
              {useCases.map((u, i) => (
                <UseCaseRow
                  key={u.id}
                  useCase={u}
                  index={i}
                  count={useCases.length}
                  factors={factors}
                  lands={landsLine(pack, derived.evaluation.useCases.find((e) => e.id === u.id))}
                  open={open === u.id}
                  onToggle={() => setOpen(open === u.id ? null : u.id)}
                  onRemove={() => remove(u, i)}
                  focusName={focusName === u.id}
                  onFocused={() => setFocusName(null)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      <ColumnsLegend factors={factors} />
    </StepPage>
  );
}

interface RowProps {
  useCase: UseCase;
  index: number;
  count: number;
  factors: Factor[];
  lands: string;
  open: boolean;
  onToggle: () => void;
  onRemove: () => void;
  /** Put the keyboard in its name (just added or put back), then say so. */
  focusName: boolean;
  onFocused: () => void;
}

function UseCaseRow({ useCase: u, index, count, factors, lands, open, onToggle, onRemove, focusName, onFocused }: RowProps) {
  const change = useAppStore((s) => s.change);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!focusName) return;
    nameRef.current?.focus();
    onFocused();
  }, [focusName, onFocused]);
  const name = nameOfUseCase(u);
  const detailsId = `usecase-details-${u.id}`;
  return (
    <>
      <tr className={open ? 'usecase-row usecase-open' : 'usecase-row'}>
        <th scope="row" className="usecase-name-col">
          <input
            ref={nameRef}
            type="text"
            className="usecase-name"
            aria-label={`Name of use case ${index + 1}`}
            placeholder="Unnamed use case"
            maxLength={120}
            value={u.name}
            onChange={(e) => change((s) => withUseCaseText(s, u.id, 'name', e.target.value), { coalesceKey: `use-case:${u.id}:name` })}
          />
          {lands && <span className="usecase-lands">{lands}</span>}
        </th>
        {factors.map((f) => (
          <td key={f.id}>
            <UseCaseCell useCase={u} factor={f} name={name} />
          </td>
        ))}
        <td className="row-actions">
          <button type="button" className="button button-small button-ghost" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => change((s) => withUseCaseMoved(s, u.id, -1))}>
            ↑
          </button>
          <button type="button" className="button button-small button-ghost" aria-label={`Move ${name} down`} disabled={index === count - 1} onClick={() => change((s) => withUseCaseMoved(s, u.id, 1))}>
            ↓
          </button>
          <button type="button" className="button button-small" aria-expanded={open} aria-controls={detailsId} onClick={onToggle}>
            {open ? 'Close' : 'Details'}
            <span className="visually-hidden"> of {name}</span>
          </button>
          <button type="button" className="button button-small button-danger" onClick={onRemove}>
            Remove<span className="visually-hidden"> {name}</span>
          </button>
        </td>
      </tr>
      {open && (
        <tr className="usecase-details-row" id={detailsId}>
          <td colSpan={factors.length + 2}>
            <UseCaseDetails useCase={u} factors={factors} />
          </td>
        </tr>
      )}
    </>
  );
}

/** One question of one use case in the grid: a choice, or a number with what is allowed when it is not. */
function UseCaseCell({ useCase: u, factor: f, name }: { useCase: UseCase; factor: Factor; name: string }) {
  const change = useAppStore((s) => s.change);
  const label = `${f.label ?? humanize(f.id)} of ${name}`;
  const value = u.answers[f.id];
  const dontKnow = u.dontKnow.includes(f.id);
  if (f.type === 'number') return <NumberCell useCase={u} factor={f} label={label} value={typeof value === 'number' ? value : undefined} dontKnow={dontKnow} />;
  const current = dontKnow ? DONT_KNOW : value === undefined ? '' : String(value);
  return (
    <select
      aria-label={label}
      className={current === '' ? 'cell-empty' : undefined}
      value={current}
      onChange={(e) => {
        const v = e.target.value;
        if (v === '') change((s) => withUseCaseCleared(s, u.id, f.id));
        else if (v === DONT_KNOW) change((s) => withUseCaseDontKnow(s, u.id, f.id));
        else change((s) => withUseCaseAnswer(s, u.id, f.id, f.type === 'boolean' ? v === 'true' : v));
      }}
    >
      <option value="">—</option>
      {(f.type === 'boolean' ? ['true', 'false'] : f.values).map((v) => (
        <option key={v} value={v}>
          {f.type === 'boolean' ? (v === 'true' ? 'Yes' : 'No') : humanize(v)}
        </option>
      ))}
      <option value={DONT_KNOW}>Don’t know yet</option>
    </select>
  );
}

function NumberCell({ useCase: u, factor, label, value, dontKnow }: { useCase: UseCase; factor: Extract<Factor, { type: 'number' }>; label: string; value: number | undefined; dontKnow: boolean }) {
  const change = useAppStore((s) => s.change);
  const errorId = useId();
  const coalesceKey = `use-case:${u.id}:${factor.id}`;
  const field = useAnswerNumber({
    factor,
    value,
    dontKnow,
    onAnswer: (n) => change((s) => withUseCaseAnswer(s, u.id, factor.id, n), { coalesceKey }),
    onClear: () => change((s) => withUseCaseCleared(s, u.id, factor.id), { coalesceKey }),
    onDontKnow: () => change((s) => withUseCaseDontKnow(s, u.id, factor.id), { coalesceKey }),
  });
  return (
    <div className="number-cell">
      <input
        type="text"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={field.problem ? true : undefined}
        aria-describedby={field.problem ? errorId : undefined}
        placeholder={dontKnow ? 'don’t know' : '—'}
        value={field.text}
        onFocus={field.onFocus}
        onBlur={field.onBlur}
        onChange={(e) => field.onChange(e.target.value)}
      />
      {field.problem && (
        <span id={errorId} className="field-error cell-error" role="alert">
          {factor.label ?? humanize(factor.id)}: {field.problem} {keptWords(value, dontKnow)}
        </span>
      )}
    </div>
  );
}

/** A use case's description and every question with why it matters, "don't know yet" and a note. */
function UseCaseDetails({ useCase: u, factors }: { useCase: UseCase; factors: Factor[] }) {
  const change = useAppStore((s) => s.change);
  const descriptionId = useId();
  return (
    <div className="usecase-details">
      <div className="field">
        <label htmlFor={descriptionId} className="field-label">
          What it is
        </label>
        <textarea
          id={descriptionId}
          rows={2}
          maxLength={2000}
          value={u.description}
          placeholder="Who uses it, for what, and what a good answer looks like"
          onChange={(e) => change((s) => withUseCaseText(s, u.id, 'description', e.target.value), { coalesceKey: `use-case:${u.id}:description` })}
        />
      </div>
      <div className="usecase-questions">
        {factors.map((f) => (
          <FactorQuestion
            key={f.id}
            factor={f}
            value={u.answers[f.id] as AnswerValue | undefined}
            dontKnow={u.dontKnow.includes(f.id)}
            note={u.notes[f.id] ?? ''}
            onAnswer={(v) => change((s) => withUseCaseAnswer(s, u.id, f.id, v), { coalesceKey: f.type === 'number' ? `use-case:${u.id}:${f.id}` : undefined })}
            onClear={() => change((s) => withUseCaseCleared(s, u.id, f.id), { coalesceKey: `use-case:${u.id}:${f.id}` })}
            onDontKnow={() => change((s) => withUseCaseDontKnow(s, u.id, f.id))}
            onNote={(n) => change((s) => withUseCaseNote(s, u.id, f.id, n), { coalesceKey: `use-case:${u.id}:note:${f.id}` })}
          />
        ))}
      </div>
    </div>
  );
}

/** Adding a use case: from one of the pack's typical ones, or blank; none past the roadmap's limit. */
function UseCaseAdder({ full, onAdd }: { full: boolean; onAdd: (useCase: UseCase) => void }) {
  const pack = usePack();
  const catalogue = pack.pack.catalogue ?? [];
  const [pick, setPick] = useState(catalogue[0]?.id ?? '');
  const pickId = useId();
  const entry = catalogue.find((c) => c.id === pick);
  const blank = (
    <button type="button" className="button" disabled={full} onClick={() => onAdd(newUseCase(crypto.randomUUID()))}>
      Add a blank use case
    </button>
  );

  return (
    <div className="usecase-add">
      {catalogue.length > 0 && (
        <div className="field usecase-pick">
          <label htmlFor={pickId} className="field-label">
            Start from a typical use case
          </label>
          <div className="usecase-pick-row">
            <select id={pickId} value={pick} onChange={(e) => setPick(e.target.value)} aria-describedby={`${pickId}-about`}>
              {catalogue.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <button type="button" className="button button-primary" disabled={full || !entry} onClick={() => entry && onAdd(newUseCase(crypto.randomUUID(), entry))}>
              Add it
            </button>
            <span className="usecase-or" aria-hidden="true">
              or
            </span>
            {blank}
          </div>
          <p id={`${pickId}-about`} className="field-hint">
            {entry?.description}
          </p>
        </div>
      )}
      {catalogue.length === 0 && blank}
      {full && <p className="field-hint">A roadmap holds at most {MAX_USE_CASES} use cases: remove one to add another.</p>}
    </div>
  );
}

/** What each column of the use-case table asks, and why it matters. */
function ColumnsLegend({ factors }: { factors: Factor[] }) {
  return (
    <details className="usecase-legend">
      <summary>What each column asks, and why it matters</summary>
      <dl>
        {factors.map((f) => (
          <div key={f.id}>
            <dt>{f.prompt}</dt>
            <dd>{f.help}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** A removed use case, with Undo: the keyboard goes to it, so taking the removal back is one key away. */
function RemovedNotice({ name, onUndo }: { name: string; onUndo: () => void }) {
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    undoRef.current?.focus();
  }, []);
  return (
    <div className="callout callout-info usecase-removed" role="status">
      <p>
        Removed <strong>{name}</strong>.
      </p>
      <button ref={undoRef} type="button" className="button button-small" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
