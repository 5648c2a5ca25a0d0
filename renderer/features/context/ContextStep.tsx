import { questionsAt } from '../../../shared/engine';
import { ConsistencyCallout } from '../../components/ConsistencyCallout';
import { useDerived, usePack } from '../../stores/derived';
import { useAppStore } from '../../stores/context';
import { withAnswer, withAnswerCleared, withDontKnow, withNote } from '../../stores/session-actions';
import { FactorQuestion } from './FactorQuestion';
import { StepPage } from '../../components/StepPage';
import { groupFactors, settledCount } from './factor-groups';

/** Step 2: the pack's questions, grouped, each with why it matters, "don't know yet" and a note. */
export function ContextStep() {
  const pack = usePack();
  const derived = useDerived();
  const session = useAppStore((s) => s.session);
  const change = useAppStore((s) => s.change);
  if (!session) return null;
  // The organisation's own questions: those asked of each use case are on the Use cases step, aggregates are worked out.
  const factors = questionsAt(pack, 'organisation');
  const groups = groupFactors(pack.pack.groups, factors);
  const total = factors.length;
  const settled = settledCount(factors, session.answers, session.dontKnow);

  return (
    <StepPage
      titleId="context-title"
      title="Organisation"
      width="wide"
      lede="What holds for every use case: the estate and skills the organisation has, its clouds, scale and governance. Every answer moves the recommendations at once; “don’t know yet” is a fine answer and shows where the uncertainty is. What each use case needs is asked on the Use cases step."
      aside={
        <p className="progress-total" aria-label={`${settled} of ${total} questions settled`}>
          <strong>{settled}</strong> / {total} settled
        </p>
      }
    >
      {/* The organisation's own answers that disagree, and those that disagree with a use case's (shown on Use cases too). */}
      <ConsistencyCallout
        issues={(derived?.evaluation.consistency ?? []).filter((i) => i.useCase === undefined || i.factors.some((f) => factors.some((x) => x.id === f)))}
        nameOfUseCase={(id) => derived?.evaluation.useCases.find((u) => u.id === id)?.name ?? 'A use case'}
      />
      <nav className="group-index" aria-label="Question groups">
        <ul>
          {groups.map((g) => (
            <li key={g.id}>
              <a href={`#group-${g.id}`} onClick={(e) => {
                e.preventDefault();
                document.getElementById(`group-${g.id}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                document.getElementById(`group-${g.id}-title`)?.focus();
              }}>
                {g.label}
                <span className="group-count">
                  {settledCount(g.factors, session.answers, session.dontKnow)}/{g.factors.length}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((g) => (
        <section key={g.id} id={`group-${g.id}`} className="question-group" aria-labelledby={`group-${g.id}-title`}>
          <h3 id={`group-${g.id}-title`} tabIndex={-1}>
            {g.label}
            <span className="group-progress">
              {settledCount(g.factors, session.answers, session.dontKnow)} of {g.factors.length} settled
            </span>
          </h3>
          {g.factors.map((f) => (
            <FactorQuestion
              key={f.id}
              factor={f}
              value={session.answers[f.id]}
              dontKnow={session.dontKnow.includes(f.id)}
              note={session.notes[f.id] ?? ''}
              onAnswer={(v) => change((s) => withAnswer(s, f.id, v), { coalesceKey: f.type === 'number' ? `answer:${f.id}` : undefined })}
              onClear={() => change((s) => withAnswerCleared(s, f.id), { coalesceKey: `answer:${f.id}` })}
              onDontKnow={() => change((s) => withDontKnow(s, f.id))}
              onNote={(n) => change((s) => withNote(s, f.id, n), { coalesceKey: `note:${f.id}` })}
            />
          ))}
        </section>
      ))}
    </StepPage>
  );
}
