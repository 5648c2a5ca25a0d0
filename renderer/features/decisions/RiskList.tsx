import type { Risk } from '../../../shared/engine';

/**
 * Risks with their severity and the improvement action; `context` names the decision where several are mixed,
 * `nameOfUseCase` the use case a risk is about (a derived decision lists its use cases' risks).
 */
export function RiskList({
  risks,
  empty,
  context,
  nameOfUseCase,
}: {
  risks: readonly (Risk & { key?: string })[];
  empty: string;
  context?: (risk: Risk) => string;
  nameOfUseCase?: (id: string) => string;
}) {
  if (risks.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="risks">
      {risks.map((r) => (
        <li key={r.key ?? `${r.rule}:${r.useCase ?? ''}`} className={`risk risk-${r.severity}`}>
          <span className={`tag tag-${r.severity === 'high' ? 'danger' : 'warning'}`}>{r.severity === 'high' ? 'High' : 'Medium'}</span>
          {context && <span className="muted small"> {context(r)}</span>}
          <p>
            {r.useCase && nameOfUseCase ? <strong>{nameOfUseCase(r.useCase)}: </strong> : null}
            {r.message}
          </p>
          <p className="risk-action">
            <strong>Action:</strong> {r.action}
          </p>
        </li>
      ))}
    </ul>
  );
}
