import { scaleLinear } from 'd3-scale';
import type { Decision, DecisionEvaluation, DecisionOption } from '../../../shared/engine';
import { humanize } from '../../components/labels';
import { usePack } from '../../stores/derived';
import { TableHead } from '../../components/form';
import { optionLabel } from '../../../shared/domain';

const bar = scaleLinear().domain([0, 1]).range([0, 100]).clamp(true);

interface RankingListProps {
  evaluation: DecisionEvaluation;
  decision: Decision;
  roomChoice: string | null;
  /** Show the per-criterion breakdown and pros and cons under each option. */
  details?: boolean;
}

/** A decision's options, best first, with score bars; excluded options last and marked. */
export function RankingList({ evaluation: d, decision, roomChoice, details = false }: RankingListProps) {
  const pack = usePack();
  const label = (option: string) => optionLabel(decision, option);
  const criterionLabel = (id: string) => pack.criteria.find((c) => c.id === id)?.label ?? humanize(id);
  return (
    <ol className="ranking">
      {d.ranking.map((o) => (
        <li key={o.option} className={`ranking-item${o.excluded ? ' ranking-excluded' : ''}${o.option === d.recommended ? ' ranking-top' : ''}`}>
          <div className="ranking-line">
            <span className="ranking-label">
              {label(o.option)}
              {o.excluded && <span className="tag tag-danger">{d.portfolio ? 'Out of reach' : 'Excluded'}</span>}
              {roomChoice === o.option && <span className="tag">Room’s choice</span>}
            </span>
            <span className="ranking-score">{Math.round(o.score * 100)}</span>
          </div>
          <div className="score-track" aria-hidden="true">
            <div className="score-bar" style={{ width: `${bar(o.score)}%` }} />
          </div>
          {details && (
            <details className="breakdown">
              <summary>Breakdown, pros and cons</summary>
              <table className="data-table compact">
                <caption className="visually-hidden">Score of {label(o.option)} per criterion</caption>
                <TableHead columns={['Criterion', 'Weight', 'Score', 'Contribution']} />
                <tbody>
                  {o.criteria.map((c) => (
                    <tr key={c.criterion}>
                      <th scope="row">{criterionLabel(c.criterion)}</th>
                      <td className="num">{c.weight.toFixed(1)}</td>
                      <td className="num">{Math.round(c.score * 100)}</td>
                      <td className="num">{Math.round(c.contribution * 100)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ProsCons option={decision.options.find((x) => x.id === o.option)} />
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}

function ProsCons({ option }: { option: DecisionOption | undefined }) {
  if (!option) return null;
  return (
    <div className="pros-cons">
      <p className="muted">{option.description}</p>
      <div className="pros-cons-cols">
        {(
          [
            ['Pros', option.pros],
            ['Cons', option.cons],
          ] as const
        ).map(([heading, points]) => (
          <div key={heading}>
            <h5>{heading}</h5>
            <ul>
              {points.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}
