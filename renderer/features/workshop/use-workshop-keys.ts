import { useEffect } from 'react';
import { useAppStore } from '../../stores/context';
import { readySteps, type StepId } from '../../stores/route';
import { useHistoryActions } from './UndoButtons';

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target.isContentEditable) return true;
  return target instanceof HTMLInputElement && !['range', 'radio', 'checkbox', 'button', 'submit'].includes(target.type);
}

/** Workshop shortcuts: Ctrl+Z / Ctrl+Shift+Z undo and redo answers and weights, F5 presents, arrows move in presenter mode. */
export function useWorkshopKeys(workshopId: string, step: StepId): void {
  // The same undo and redo as the bar's buttons: each says what it took back or made again.
  const { undo, redo } = useHistoryActions();
  const presenter = useAppStore((s) => s.presenter);
  const setPresenter = useAppStore((s) => s.setPresenter);
  const navigate = useAppStore((s) => s.navigate);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      // Text fields keep the browser's own undo for what is being typed.
      if (mod && !e.altKey && (e.key === 'z' || e.key === 'Z' || e.key === 'y') && !isTextEntry(e.target)) {
        e.preventDefault();
        if (e.key === 'y' || e.shiftKey) redo();
        else undo();
        return;
      }
      if (e.key === 'F5') {
        e.preventDefault();
        setPresenter(!presenter);
        return;
      }
      if (!presenter) return;
      if (e.key === 'Escape') {
        setPresenter(false);
        return;
      }
      if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === 'PageDown' || e.key === 'PageUp') && !isTextEntry(e.target)) {
        const target = e.target instanceof HTMLElement ? e.target : null;
        // Arrow keys inside a control (tabs, radios, sliders) belong to that control.
        if (target && target.closest('[role="tablist"], fieldset, input, select') && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) return;
        const steps = readySteps();
        const i = steps.indexOf(step);
        const next = e.key === 'ArrowRight' || e.key === 'PageDown' ? steps[i + 1] : steps[i - 1];
        if (next) {
          e.preventDefault();
          navigate({ name: 'workshop', id: workshopId, step: next });
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, presenter, setPresenter, navigate, workshopId, step]);
}
