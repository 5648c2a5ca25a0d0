import { useMemo } from 'react';
import type { CompiledPack } from '../../../shared/engine';
import { usePack } from '../../stores/derived';
import { useAppStore, useAppStoreApi } from '../../stores/context';
import type { AppState } from '../../stores/store';
import { describeEdit, type EditWords } from '../../stores/describe-edit';
import { STEPS } from '../../stores/route';

const stepLabel = (words: EditWords) => STEPS.find((s) => s.id === words.step)?.label ?? words.step;

/** What Undo and Redo would take back or make again now, in words (null: nothing to undo or redo). */
function historyWords(pack: CompiledPack, state: Pick<AppState, 'session' | 'past' | 'future'>): { undoWords: EditWords | null; redoWords: EditWords | null } {
  const { session, past, future } = state;
  const previous = past[past.length - 1];
  const next = future[0];
  return {
    undoWords: session && previous ? describeEdit(pack, previous, session) : null,
    redoWords: session && next ? describeEdit(pack, session, next) : null,
  };
}

/**
 * Undo and redo that say what they do: once done, a notice naming the edit and the step it was made on (with
 * the way back), whichever step is open. They read the history when used, so a caller does not re-render with
 * every edit (the workshop page's keys use them).
 */
export function useHistoryActions(): { undo: () => void; redo: () => void } {
  const pack = usePack();
  const store = useAppStoreApi();
  return useMemo(() => {
    const undo = () => {
      const state = store.getState();
      const { undoWords } = historyWords(pack, state);
      if (!undoWords) return;
      state.undo();
      state.showNotice({ message: `Undone: ${undoWords.what} (${stepLabel(undoWords)}).`, tone: 'info', action: { label: 'Redo', run: () => store.getState().redo() } });
    };
    const redo = () => {
      const state = store.getState();
      const { redoWords } = historyWords(pack, state);
      if (!redoWords) return;
      state.redo();
      state.showNotice({ message: `Redone: ${redoWords.what} (${stepLabel(redoWords)}).`, tone: 'info', action: { label: 'Undo', run: () => store.getState().undo() } });
    };
    return { undo, redo };
  }, [pack, store]);
}

/** The workshop bar's Undo and Redo buttons, named for the edit each would take back or make again. */
export function UndoButtons() {
  const { undo, redo } = useHistoryActions();
  const pack = usePack();
  // Only the buttons follow every edit, for their names.
  const session = useAppStore((s) => s.session);
  const past = useAppStore((s) => s.past);
  const future = useAppStore((s) => s.future);
  const { undoWords, redoWords } = useMemo(() => historyWords(pack, { session, past, future }), [pack, session, past, future]);
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
