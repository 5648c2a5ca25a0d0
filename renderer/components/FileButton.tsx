import { useRef } from 'react';

/**
 * A button that opens the system's file picker for one JSON file, and the hidden input behind it (named for
 * screen readers and tests); the chosen file is handed on, and the input is cleared so the same file can be chosen again.
 */
export function FileButton({
  label,
  inputLabel,
  className = 'button',
  busyLabel,
  busy = false,
  onFile,
}: {
  label: string;
  inputLabel: string;
  className?: string;
  /** Shown instead of the label, with the button disabled, while the chosen file is handled. */
  busyLabel?: string;
  busy?: boolean;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} disabled={busy} aria-busy={busy || undefined} onClick={() => input.current?.click()}>
        {busy && busyLabel ? busyLabel : label}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={inputLabel}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
