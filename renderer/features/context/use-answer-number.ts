import { useRef } from 'react';
import type { Factor } from '../../../shared/engine';
import { useNumberDraft, type NumberDraft } from '../../components/use-number-draft';
import { formatNumberAnswer, readNumberAnswer } from './number-answer';

interface AnswerNumberOptions {
  factor: Extract<Factor, { type: 'number' }>;
  value: number | undefined;
  /** True while the question is marked "don't know yet". */
  dontKnow: boolean;
  onAnswer: (value: number) => void;
  onClear: () => void;
  onDontKnow: () => void;
}

/**
 * A number question's field (useNumberDraft) that remembers whether the question was "don't know yet" when the
 * edit began: taking a typed value back (a refused text after an allowed one, or the field emptied) returns the
 * question there, never to an empty answer nobody chose.
 */
export function useAnswerNumber({ factor, value, dontKnow, onAnswer, onClear, onDontKnow }: AnswerNumberOptions): NumberDraft {
  const dontKnowAtStart = useRef(dontKnow);
  const field = useNumberDraft(
    value ?? null,
    (text) => readNumberAnswer(factor, text),
    (n) => (n !== null ? onAnswer(n) : dontKnowAtStart.current ? onDontKnow() : onClear()),
    formatNumberAnswer,
  );
  const startEdit = () => {
    if (!field.editing) dontKnowAtStart.current = dontKnow;
  };
  return {
    ...field,
    onFocus: () => {
      startEdit();
      field.onFocus();
    },
    onChange: (text) => {
      startEdit();
      field.onChange(text);
    },
  };
}
