import type { SaveState } from '../stores/editor-slice';

interface SaveIndicatorProps {
  state: SaveState;
  error: string | null;
  onRetry: () => void;
  retryLabel?: string;
}

/** Tells the room whether their work is safe: saving, saved, or not saved with a retry. */
export function SaveIndicator({ state, error, onRetry, retryLabel = 'Retry' }: SaveIndicatorProps) {
  return (
    <div className={`save-indicator save-${state}`} role="status" aria-live="polite">
      {state === 'saving' && <span>Saving…</span>}
      {(state === 'saved' || state === 'idle') && <span>All changes saved</span>}
      {state === 'error' && (
        <>
          <span title={error ?? undefined}>Not saved{error ? `: ${error}` : ''}</span>
          <button type="button" className="button button-small" onClick={onRetry}>
            {retryLabel}
          </button>
        </>
      )}
    </div>
  );
}
