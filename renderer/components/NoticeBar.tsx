import { useEffect } from 'react';
import { useAppStore } from '../stores/context';

const NOTICE_MS = 8000;

/** A short message at the foot of the window (archived, restored, failed), with an optional action. */
export function NoticeBar() {
  const notice = useAppStore((s) => s.notice);
  const dismiss = useAppStore((s) => s.dismissNotice);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(dismiss, NOTICE_MS);
    return () => clearTimeout(t);
  }, [notice, dismiss]);
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice && (
        <div className={`notice notice-${notice.tone}`}>
          <span>{notice.message}</span>
          {notice.action && (
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                notice.action?.run();
                dismiss();
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="button button-small button-ghost" aria-label="Dismiss message" onClick={dismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
