import { useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../../stores/context';
import { useDerived, usePack } from '../../stores/derived';
import { DecisionPage } from './DecisionPage';
import { optionLabel } from '../../../shared/domain';

/** Step 4: one page per decision, chosen with tabs (arrow keys move between them). */
export function DecisionsStep({ decision }: { decision: string | undefined }) {
  const pack = usePack();
  const derived = useDerived();
  const navigate = useAppStore((s) => s.navigate);
  const workshopId = useAppStore((s) => s.sessionWorkshopId);
  const roomChoices = useAppStore((s) => s.session?.roomChoices);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  if (!derived || !workshopId) return null;
  const decisions = pack.organisationDecisions.map((d) => d.decision);
  const currentId = decisions.some((d) => d.id === decision) ? decision! : decisions[0]!.id;
  const currentIndex = decisions.findIndex((d) => d.id === currentId);
  const go = (id: string) => navigate({ name: 'workshop', id: workshopId, step: 'decisions', decision: id });

  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const next = e.key === 'ArrowRight' ? (i + 1) % decisions.length : e.key === 'ArrowLeft' ? (i - 1 + decisions.length) % decisions.length : null;
    if (next === null) return;
    e.preventDefault();
    go(decisions[next]!.id);
    tabs.current[next]?.focus();
  };

  const evaluation = derived.evaluation.decisions.find((d) => d.id === currentId)!;
  return (
    <section className="step-page step-wide" aria-labelledby="decisions-title">
      <h2 id="decisions-title" className="visually-hidden">
        Decisions
      </h2>
      <div role="tablist" aria-label="Decisions" className="decision-tabs">
        {decisions.map((d, i) => {
          const ev = derived.evaluation.decisions.find((e) => e.id === d.id);
          const rec = ev?.recommended ? (ev.confidence?.level === 'too-close' ? `Too close: ${ev.confidence.tied.map((id) => optionLabel(d, id)).join(' or ')}` : optionLabel(d, ev.recommended)) : null;
          // Where the room chose otherwise, the tab says so; a decision that does not apply takes no choice.
          const choice = roomChoices?.[d.id];
          const chosen = choice && choice.option !== ev?.recommended ? optionLabel(d, choice.option) : null;
          return (
            <button
              key={d.id}
              ref={(el) => {
                tabs.current[i] = el;
              }}
              role="tab"
              id={`tab-${d.id}`}
              aria-selected={d.id === currentId}
              aria-controls={`panel-${d.id}`}
              tabIndex={d.id === currentId ? 0 : -1}
              className="decision-tab"
              onClick={() => go(d.id)}
              onKeyDown={(e) => onKeyDown(e, i)}
            >
              <span className="decision-tab-title">{d.title}</span>
              <span className="decision-tab-rec">
                {ev && !ev.applicable ? 'Not applicable' : chosen ? `Room’s choice: ${chosen}` : (rec ?? 'No recommendation')}
              </span>
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`panel-${currentId}`} aria-labelledby={`tab-${currentId}`} tabIndex={-1} className="decision-panel">
        <DecisionPage key={currentId} evaluation={evaluation} index={currentIndex} />
      </div>
    </section>
  );
}
