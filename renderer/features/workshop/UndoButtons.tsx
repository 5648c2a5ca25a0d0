import { usePack } from '../../engine/use-evaluation';
import { useAppStore } from '../../stores/context';
import { describeEdit, type EditWords } from '../../stores/describe-edit';
import { STEPS } from '../../stores/route';

const stepLabel = (words: EditWords) => STEPS.find((s) => s.id === words.step)?.label ?? words.step;

/**
 * Undo and redo that say what they do: the edit each would take back or make again, and, once done, a notice
 * naming it and the step it was made on (with the way back), whichever step is open.
 */
export function useHistoryActions(): { undo: () => void; redo: () => void; undoWords: EditWords | null; redoWords: EditWords | null } {
  const pack = usePack();
  const session = useAppStore((s) => s.session);
  const previous = useAppStore((s) => s.past[s.past.length - 1] ?? null);
  const next = useAppStore((s) => s.future[0] ?? null);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const showNotice = useAppStore((s) => s.showNotice);
  const undoWords = session && previous ? describeEdit(pack, previous, session) : null;
  const redoWords = session && next ? describeEdit(pack, session, next) : null;
  return {
    undoWords,
    redoWords,
    undo: () => {
      if (!undoWords) return;
      undo();
      showNotice({ message: `Undone: ${undoWords.what} (${stepLabel(undoWords)}).`, tone: 'info', action: { label: 'Redo', run: redo } });
    },
    redo: () => {
      if (!redoWords) return;
      redo();
      showNotice({ message: `Redone: ${redoWords.what} (${stepLabel(redoWords)}).`, tone: 'info', action: { label: 'Undo', run: undo } });
    },
  };
}

/** The workshop bar's Undo and Redo buttons, named for the edit each would take back or make again. */
export function UndoButtons() {
  const { undo, redo, undoWords, redoWords } = useHistoryActions();
  return (
    <div className="undo-buttons" role="group" aria-label="Undo and redo">
      <button type="button" className="button button-small" disabled={!undoWords} onClick={undo} title={undoWords ? `Undo ${undoWords.what} (Ctrl+Z)` : 'Nothing to undo'} aria-label={undoWords ? `Undo ${undoWords.what}` : 'Undo'}>
        Undo
      </button>
      <button type="button" className="button button-small" disabled={!redoWords} onClick={redo} title={redoWords ? `Redo ${redoWords.what} (Ctrl+Shift+Z)` : 'Nothing to redo'} aria-label={redoWords ? `Redo ${redoWords.what}` : 'Redo'}>
        Redo
      </button>
    </div>
  );
}
