import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { SaveIndicator } from '../../components/SaveIndicator';
import { useAppPick, useAppStore } from '../../stores/context';
import { detailDifferences, type SaveState } from '../../stores/editor-slice';
import { readySteps, type StepId } from '../../stores/route';
import { ConsensusStep } from '../consensus/ConsensusStep';
import { ContextStep } from '../context/ContextStep';
import { CostStep } from '../cost/CostStep';
import { DecisionsStep } from '../decisions/DecisionsStep';
import { PrioritiesStep } from '../priorities/PrioritiesStep';
import { RecordsStep } from '../records/RecordsStep';
import { StackStep } from '../stack/StackStep';
import { SummaryStep } from '../summary/SummaryStep';
import { UseCasesStep } from '../use-cases/UseCasesStep';
import { ConflictComparison } from './ConflictComparison';
import { SetupStep } from './SetupStep';
import { StepRail } from './StepRail';
import { UndoButtons } from './UndoButtons';
import { RoomButton, useRoomStatus } from '../room/RoomButton';
import { useWorkshopKeys } from './use-workshop-keys';

export { preparePack } from '../../stores/derived';

/** "title", "title and date", "title, date and description". */
function listed(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The worst of two save states: an error anywhere shows, then saving, then saved. */
function combine(a: SaveState, b: SaveState): SaveState {
  for (const s of ['error', 'saving', 'saved'] as const) if (a === s || b === s) return s;
  return 'idle';
}

/** One workshop: the step rail on the left, the current step on the right, the save state on top. */
export function WorkshopPage({ id, step, decision }: { id: string; step: StepId; decision: string | undefined }) {
  const { openWorkshop, loadSession, current, loadStatus, loadError, sessionStatus, sessionError, sessionConflict } = useAppPick('openWorkshop', 'loadSession', 'current', 'loadStatus', 'loadError', 'sessionStatus', 'sessionError', 'sessionConflict');
  const detailsConflict = useAppStore((s) => s.detailsConflict !== null);
  const conflict = sessionConflict || detailsConflict;
  const { flushSave, flushSession, navigate, presenter } = useAppPick('flushSave', 'flushSession', 'navigate', 'presenter');
  useRoomStatus();

  // Each step (and each decision) opens at its top, not at the scroll position the last one was left at.
  const pane = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    pane.current?.scrollTo({ top: 0, left: 0 });
  }, [id, step, decision]);

  useEffect(() => {
    void openWorkshop(id);
    void loadSession(id);
  }, [id, openWorkshop, loadSession]);

  // Pending edits are saved before the tab or window goes away.
  useEffect(() => {
    const onHide = () => {
      void flushSave();
      void flushSession();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [flushSave, flushSession]);

  useWorkshopKeys(id, step);

  if (loadStatus === 'error' || sessionStatus === 'error') {
    return (
      <main className="workshop-missing">
        <h1>Workshop not available</h1>
        <p>{loadError ?? sessionError}</p>
        <button type="button" className="button button-primary" onClick={() => navigate({ name: 'home' })}>
          Back to workshops
        </button>
      </main>
    );
  }

  const ready = current && sessionStatus === 'ready';
  const steps = readySteps();
  const at = steps.indexOf(step);
  return (
    <div className={`workshop${presenter ? ' presenter' : ''}`}>
      <WorkshopBar stepIndex={at} stepCount={steps.length} conflict={conflict} />
      {conflict && <ConflictBar id={id} />}
      <div className="workshop-body">
        {!presenter && <StepRail current={step} onSelect={(s) => navigate({ name: 'workshop', id, step: s })} />}
        <main ref={pane} className="workshop-main-pane" id="step-content" tabIndex={0} aria-label="Step content">
          {ready && step === 'setup' && <SetupStep />}
          {ready && step === 'use-cases' && <UseCasesStep />}
          {ready && step === 'context' && <ContextStep />}
          {ready && step === 'priorities' && <PrioritiesStep />}
          {ready && step === 'decisions' && <DecisionsStep decision={decision} />}
          {ready && step === 'consensus' && <ConsensusStep />}
          {ready && step === 'summary' && <SummaryStep />}
          {ready && step === 'cost' && <CostStep />}
          {ready && step === 'stack' && <StackStep />}
          {ready && step === 'records' && <RecordsStep />}
          {presenter && <p className="presenter-hint">← → move between steps · Esc leaves presenter mode</p>}
        </main>
      </div>
    </div>
  );
}

/** Saved in another tab or window since this one loaded: the room chooses which version stays, knowingly. */
function ConflictBar({ id }: { id: string }) {
  const sessionConflict = useAppStore((s) => s.sessionConflict);
  const detailsConflict = useAppStore((s) => s.detailsConflict !== null);
  // The details edited in both places, for the bar to name (the form keeps this tab's text meanwhile).
  const editedInBoth = useAppStore((s) =>
    detailDifferences(s.draft, s.detailsConflict)
      .filter((d) => s.draftBase?.[d.field] !== d.theirs)
      .map((d) => d.label.toLowerCase())
      .join('|'),
  )
    .split('|')
    .filter(Boolean);
  const [comparing, setComparing] = useState(false);
  const { keepSessionEdits, keepDetailsEdits, takeOtherDetails, loadSession } = useAppPick('keepSessionEdits', 'keepDetailsEdits', 'takeOtherDetails', 'loadSession');
  return (
    <div className="callout callout-warning conflict-bar">
      <p role="alert">
        <strong>This workshop was changed in another tab or window.</strong> The edits made here are not saved yet
        {editedInBoth.length > 0 && ` (the ${listed(editedInBoth)} ${editedInBoth.length > 1 ? 'were' : 'was'} changed in both)`}. Keep them (they replace the
        other version), take the other version (the edits made here are dropped), or compare the two first.
      </p>
      <div className="conflict-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setComparing(false);
            if (detailsConflict) void keepDetailsEdits();
            if (sessionConflict) void keepSessionEdits();
          }}
        >
          Keep this tab’s edits
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setComparing(false);
            if (detailsConflict) void takeOtherDetails();
            if (sessionConflict) void loadSession(id);
          }}
        >
          Take the other version
        </button>
        <button type="button" className="button" aria-expanded={comparing} aria-controls="conflict-compare" onClick={() => setComparing(!comparing)}>
          {comparing ? 'Hide comparison' : 'Compare'}
        </button>
      </div>
      {comparing && <ConflictComparison id="conflict-compare" />}
    </div>
  );
}

/** The workshop's bar: back to the list (or the step in presenter mode), its title, undo, whether it is saved, and presenter mode. */
function WorkshopBar({ stepIndex, stepCount, conflict }: { stepIndex: number; stepCount: number; conflict: boolean }) {
  const current = useAppStore((s) => s.current);
  const saveState = useAppStore((s) => combine(s.saveState, s.sessionSaveState));
  const saveError = useAppStore((s) => s.saveError ?? s.sessionSaveError);
  const { flushSave, flushSession, navigate, presenter, setPresenter } = useAppPick('flushSave', 'flushSession', 'navigate', 'presenter', 'setPresenter');
  return (
    <div className="workshop-bar">
      {presenter ? (
        <span className="presenter-step">
          Step {stepIndex + 1} of {stepCount}
        </span>
      ) : (
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
      )}
      <h1 className="workshop-name">{current?.title ?? 'Loading…'}</h1>
      <div className="workshop-bar-end">
        {!presenter && current && <RoomButton workshopId={current.id} />}
        {!presenter && <UndoButtons />}
        {!presenter && !conflict && (
          <SaveIndicator
            state={saveState}
            error={saveError}
            onRetry={() => {
              void flushSave();
              void flushSession();
            }}
          />
        )}
        {!presenter && conflict && (
          <div className="save-indicator save-error" role="status">
            <span>Not saved: changed elsewhere</span>
          </div>
        )}
        <button type="button" className="button button-small" aria-pressed={presenter} onClick={() => setPresenter(!presenter)} title="Presenter mode (F5)">
          {presenter ? 'Exit presenter mode' : 'Present'}
        </button>
      </div>
    </div>
  );
}
