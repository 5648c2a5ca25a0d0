import type { Risk } from '../../../shared/engine';

/** Risks with their severity and the improvement action; `context` names the decision where several are mixed. */
export function RiskList({ risks, empty, context }: { risks: readonly (Risk & { key?: string })[]; empty: string; context?: (risk: Risk) => string }) {
  if (risks.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="risks">
      {risks.map((r) => (
        <li key={r.key ?? r.rule} className={`risk risk-${r.severity}`}>
          <span className={`tag tag-${r.severity === 'high' ? 'danger' : 'warning'}`}>{r.severity === 'high' ? 'High' : 'Medium'}</span>
          {context && <span className="muted small"> {context(r)}</span>}
          <p>{r.message}</p>
          <p className="risk-action">
            <strong>Action:</strong> {r.action}
          </p>
        </li>
      ))}
    </ul>
  );
}
