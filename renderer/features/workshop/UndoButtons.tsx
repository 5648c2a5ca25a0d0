import { useMemo } from 'react';
import type { CompiledPack } from '../../../shared/engine';
import { usePack } from '../../stores/derived';
import { useAppPick, useAppStoreApi } from '../../stores/context';
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
    const step = (way: 'undo' | 'redo') => {
      const state = store.getState();
      const words = historyWords(pack, state)[way === 'undo' ? 'undoWords' : 'redoWords'];
      if (!words) return;
      state[way]();
      const back = way === 'undo' ? 'redo' : 'undo';
      const done = way === 'undo' ? 'Undone' : 'Redone';
      state.showNotice({ message: `${done}: ${words.what} (${stepLabel(words)}).`, tone: 'info', action: { label: back === 'undo' ? 'Undo' : 'Redo', run: () => store.getState()[back]() } });
    };
    return { undo: () => step('undo'), redo: () => step('redo') };
  }, [pack, store]);
}

/** The workshop bar's Undo and Redo buttons, named for the edit each would take back or make again. */
export function UndoButtons() {
  const { undo, redo } = useHistoryActions();
  const pack = usePack();
  // Only the buttons follow every edit, for their names.
  const { session, past, future } = useAppPick('session', 'past', 'future');
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
