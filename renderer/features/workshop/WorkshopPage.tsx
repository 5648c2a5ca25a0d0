import { useEffect } from 'react';
import { SaveIndicator } from '../../components/SaveIndicator';
import { useAppStore } from '../../stores/context';
import type { StepId } from '../../stores/route';
import { SetupStep } from './SetupStep';
import { StepRail } from './StepRail';

/** One workshop: the step rail on the left, the current step on the right, the save state on top. */
export function WorkshopPage({ id, step }: { id: string; step: StepId }) {
  const openWorkshop = useAppStore((s) => s.openWorkshop);
  const current = useAppStore((s) => s.current);
  const loadStatus = useAppStore((s) => s.loadStatus);
  const loadError = useAppStore((s) => s.loadError);
  const saveState = useAppStore((s) => s.saveState);
  const saveError = useAppStore((s) => s.saveError);
  const flushSave = useAppStore((s) => s.flushSave);
  const navigate = useAppStore((s) => s.navigate);

  useEffect(() => {
    void openWorkshop(id);
  }, [id, openWorkshop]);

  // Pending edits are saved before the tab or window goes away.
  useEffect(() => {
    const onHide = () => void flushSave();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [flushSave]);

  if (loadStatus === 'error') {
    return (
      <main className="workshop-missing">
        <h1>Workshop not available</h1>
        <p>{loadError}</p>
        <button type="button" className="button button-primary" onClick={() => navigate({ name: 'home' })}>
          Back to workshops
        </button>
      </main>
    );
  }

  return (
    <div className="workshop">
      <div className="workshop-bar">
        <a
          className="back-link"
          href="#/"
          onClick={(e) => {
            e.preventDefault();
            navigate({ name: 'home' });
          }}
        >
          ← Workshops
        </a>
        <h1 className="workshop-name">{current?.title ?? 'Loading…'}</h1>
        <SaveIndicator state={saveState} error={saveError} onRetry={() => void flushSave()} />
      </div>
      <div className="workshop-body">
        <StepRail current={step} onSelect={(s) => navigate({ name: 'workshop', id, step: s })} />
        <main className="workshop-main-pane">{current && step === 'setup' && <SetupStep />}</main>
      </div>
    </div>
  );
}
