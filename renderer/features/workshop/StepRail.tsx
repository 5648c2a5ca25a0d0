import { useRef, type KeyboardEvent } from 'react';
import { STEPS, type StepId } from '../../stores/route';

interface StepRailProps {
  current: StepId;
  onSelect: (step: StepId) => void;
}

/** The wizard's steps; arrow keys move along the rail, Enter opens a step. Steps not built yet say so. */
export function StepRail({ current, onSelect }: StepRailProps) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const currentIndex = Math.max(0, STEPS.findIndex((s) => s.id === current));

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = STEPS.length - 1;
    const next =
      e.key === 'ArrowDown' ? Math.min(last, index + 1) : e.key === 'ArrowUp' ? Math.max(0, index - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : null;
    if (next === null) return;
    e.preventDefault();
    refs.current[next]?.focus();
  };

  return (
    <nav className="step-rail" aria-label="Workshop steps">
      <ol>
        {STEPS.map((step, i) => {
          const isCurrent = step.id === current;
          return (
            <li key={step.id}>
              <button
                ref={(el) => {
                  refs.current[i] = el;
                }}
                type="button"
                className={`step${isCurrent ? ' step-current' : ''}${step.ready ? '' : ' step-soon'}`}
                tabIndex={i === currentIndex ? 0 : -1}
                aria-current={isCurrent ? 'step' : undefined}
                aria-disabled={step.ready ? undefined : true}
                aria-describedby={step.ready ? undefined : 'step-soon-note'}
                onClick={() => step.ready && onSelect(step.id)}
                onKeyDown={(e) => onKeyDown(e, i)}
              >
                <span className="step-number" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="step-label">{step.label}</span>
                {!step.ready && <span className="step-badge">Soon</span>}
              </button>
            </li>
          );
        })}
      </ol>
      {STEPS.some((s) => !s.ready) && (
        <p id="step-soon-note" className="step-note">
          Steps marked Soon are not available in this version yet.
        </p>
      )}
    </nav>
  );
}
