import { useRef, useState } from 'react';

/** What a number field's text means: a value to save (null: none, or cleared), or why it cannot be saved. */
export type NumberReading = { ok: true; value: number | null } | { ok: false; message: string };

export interface NumberDraft {
  /** The text the field shows: what is being typed, else the saved value. */
  text: string;
  /** Why the text cannot be saved, while it cannot. */
  problem: string | null;
  onFocus: () => void;
  onChange: (text: string) => void;
  onBlur: () => void;
  /** True while the field holds text of its own (being typed, or refused). */
  editing: boolean;
  /** Drops the field's own text, showing the saved value again (after a reset, say). */
  discard: () => void;
}

/**
 * The way every number field saves. A reading that is allowed is saved as it is typed (figures follow at
 * once); one that is not is never saved: the value from before the edit is put back, and the text stays
 * with its message, after the field is left too, until it is fixed or replaced. So a prefix on the way to a
 * refused value ("0.9" of "0.95") is never what is left saved.
 */
export function useNumberDraft(saved: number | null, read: (text: string) => NumberReading, commit: (value: number | null) => void, format: (value: number | null) => string): NumberDraft {
  // null: show the saved value (so undo, redo and reloads show through).
  const [draft, setDraft] = useState<string | null>(null);
  // The saved value when the edit began: what a refused text leaves saved.
  const before = useRef<number | null>(saved);
  // What this edit last saved (undefined: nothing yet); a saved value that differs came from elsewhere (an undo).
  const mine = useRef<number | null | undefined>(undefined);
  const reading = draft === null ? null : read(draft);
  return {
    text: draft ?? format(saved),
    problem: reading && !reading.ok ? reading.message : null,
    onFocus: () => {
      if (draft === null) {
        before.current = saved;
        mine.current = undefined;
      }
    },
    onChange: (text) => {
      // A new edit, or the value changed under this one: it starts again from what is saved now.
      if (draft === null || saved !== (mine.current === undefined ? before.current : mine.current)) {
        before.current = saved;
        mine.current = undefined;
      }
      setDraft(text);
      const next = read(text);
      if (next.ok) {
        if (next.value !== saved) commit(next.value);
        mine.current = next.value;
      } else if (mine.current !== undefined) {
        // Only what this edit saved is taken back; a refused first keystroke changes nothing (a "don't know" stays).
        if (before.current !== saved) commit(before.current);
        mine.current = undefined;
      }
    },
    onBlur: () => {
      if (draft !== null && read(draft).ok) setDraft(null);
    },
    editing: draft !== null,
    discard: () => setDraft(null),
  };
}
