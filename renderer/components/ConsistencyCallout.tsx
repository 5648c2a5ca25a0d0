import type { ConsistencyIssue } from '../../shared/engine';

/**
 * Answers that disagree with each other, each with the question that settles it: shown where the answers are given
 * (the Organisation and Use cases steps) and in the Summary. Renders nothing when every answer agrees.
 */
export function ConsistencyCallout({ issues, nameOfUseCase, title = 'Some answers disagree' }: { issues: readonly ConsistencyIssue[]; nameOfUseCase: (id: string) => string; title?: string }) {
  if (issues.length === 0) return null;
  return (
    <div className="callout callout-warning consistency" role="note" aria-label={title}>
      <p>
        <strong>{title}.</strong> Settle {issues.length === 1 ? 'it' : 'them'} before trusting the recommendations that read these answers.
      </p>
      <ul>
        {issues.map((i) => (
          <li key={`${i.check}:${i.useCase ?? ''}`}>
            {i.useCase ? <strong>{nameOfUseCase(i.useCase)}: </strong> : null}
            {i.message} <span className="consistency-ask">Ask: {i.ask}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
