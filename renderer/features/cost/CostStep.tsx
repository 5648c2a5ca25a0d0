import { useMemo, useState } from 'react';
import {
  COST_ASSUMPTION_INFO,
  DEPLOYMENT_OPTIONS,
  costCurve,
  estimateCost,
  formatNumber,
  formatPercent,
  formatUsd,
  pilotToProduction,
  type CostAssumptions,
  type CostInputName,
} from '../../../shared/cost';
import { COST_MODEL_RULE, costInputsFromAnswers, missingCostVolumes, type DecisionEvaluation } from '../../../shared/engine';
import { Segmented } from '../../components/Segmented';
import { seriesColour } from '../../components/palette';
import { humanize } from '../../components/labels';
import { useDerived, usePack } from '../../engine/use-evaluation';
import { useAppStore } from '../../stores/context';
import { routeToHash } from '../../stores/route';
import { AssumptionField } from './AssumptionField';
import { BudgetAlerts } from './BudgetAlerts';
import { CostCurveChart } from './CostCurveChart';
import { ScaleChart } from './ScaleChart';
import { scaleInputs, usd, withCostAssumption, withoutCostAssumption } from './cost-form';

type Volume = 'pilot' | 'production';

/** What the model takes for an answer nobody gave (the volumes are required before any figure shows). */
const FALLBACK_WORDS: Partial<Record<CostInputName, string>> = {
  sustainedGpuUtilization: 'the owned fleet is sized at 50% utilization',
  interruptionTolerance: 'no training runs on spot capacity',
  egressTbPerMonth: 'no data leaves the cloud',
};

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(3)}`;

/** Step 8: what each deployment option costs a month, where owning beats renting, and the assumptions behind it. */
export function CostStep() {
  const pack = usePack();
  const derived = useDerived();
  const session = useAppStore((s) => s.session);
  const change = useAppStore((s) => s.change);
  const navigate = useAppStore((s) => s.navigate);
  const workshopId = useAppStore((s) => s.sessionWorkshopId);
  if (!session || !derived || !workshopId) return null;

  const missing = missingCostVolumes(session.answers);
  const deployment = derived.evaluation.decisions.find((d) => d.id === 'deployment');
  const decision = pack.decisions.find((d) => d.id === 'deployment')?.decision;
  const optionLabel = (option: string) => decision?.options.find((o) => o.id === option)?.label ?? humanize(option);
  const prompt = (factor: string) => pack.factors.find((f) => f.id === factor)?.prompt ?? factor;
  const contextHash = routeToHash({ name: 'workshop', id: workshopId, step: 'context' });

  return (
    <section className="step-page step-wide cost-step" aria-labelledby="cost-title">
      <div className="step-head">
        <div>
          <h2 id="cost-title">Cost</h2>
          <p className="lede">
            What cloud, on-premises and hybrid would cost a month for the workload the room described, where owning starts to beat renting, and how cost grows from
            the pilot to production. The figures feed the Cost criterion of the Deployment decision; every assumption below can be changed.
          </p>
        </div>
      </div>
      {missing.length > 0 ? (
        <div className="callout callout-info cost-empty">
          <p>
            <strong>The cost model needs the workload’s volume.</strong> Answer {missing.length === 1 ? 'this question' : 'these questions'} in Context (under Scale):
          </p>
          <ul>
            {missing.map((f) => (
              <li key={f}>{prompt(f)}</li>
            ))}
          </ul>
          <a
            href={contextHash}
            className="button button-small"
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'workshop', id: workshopId, step: 'context' });
              // The Scale questions sit halfway down a long page: bring them into view once it has rendered.
              setTimeout(() => document.getElementById('group-scale')?.scrollIntoView({ block: 'start' }), 0);
            }}
          >
            Answer them in Context
          </a>
        </div>
      ) : (
        <CostFigures
          answers={session.answers}
          assumptions={derived.costAssumptions}
          deployment={deployment}
          optionLabel={optionLabel}
          prompt={prompt}
          onOpenDecision={() => navigate({ name: 'workshop', id: workshopId, step: 'decisions', decision: 'deployment' })}
          decisionHash={routeToHash({ name: 'workshop', id: workshopId, step: 'decisions', decision: 'deployment' })}
        />
      )}
      <section className="card cost-assumptions" aria-labelledby="cost-assumptions-title">
        <div className="card-head">
          <h3 id="cost-assumptions-title">Assumptions</h3>
          <p className="muted small">Changes are saved with the workshop and can be undone like answers.</p>
        </div>
        <div className="assumption-list">
          {COST_ASSUMPTION_INFO.map((info) => (
            <AssumptionField
              key={info.key}
              info={info}
              value={derived.costAssumptions[info.key]}
              overridden={info.key in session.costAssumptions}
              onCommit={(value) => change((s) => withCostAssumption(s, info.key, value), { coalesceKey: `cost:${info.key}` })}
              onReset={() => change((s) => withoutCostAssumption(s, info.key))}
            />
          ))}
        </div>
      </section>
    </section>
  );
}

interface CostFiguresProps {
  answers: Parameters<typeof costInputsFromAnswers>[0];
  assumptions: CostAssumptions;
  deployment: DecisionEvaluation | undefined;
  optionLabel: (option: string) => string;
  prompt: (factor: string) => string;
  onOpenDecision: () => void;
  decisionHash: string;
}

function CostFigures({ answers, assumptions, deployment, optionLabel, prompt, onOpenDecision, decisionHash }: CostFiguresProps) {
  const [volume, setVolume] = useState<Volume>('production');
  const inputs = useMemo(() => costInputsFromAnswers(answers), [answers]);
  const estimate = useMemo(() => estimateCost(inputs, assumptions), [inputs, assumptions]);
  const factor = assumptions.pilotToProductionScale;
  const shownInputs = useMemo(() => (volume === 'production' ? scaleInputs(inputs, factor) : inputs), [inputs, volume, factor]);
  const shown = useMemo(() => (volume === 'production' ? estimateCost(shownInputs, assumptions) : estimate), [volume, shownInputs, assumptions, estimate]);
  const curve = useMemo(() => costCurve(shownInputs, assumptions), [shownInputs, assumptions]);
  const series = useMemo(() => pilotToProduction(inputs, assumptions, { steps: 20 }), [inputs, assumptions]);
  const production = estimate.scale.production;
  const volumeWords = volume === 'production' ? `at production volume (${formatNumber(factor, 2)}× the pilot)` : 'at the pilot volume';
  const cheapest = production.budget.cheapestOption;

  const recommended = deployment?.recommended ?? null;
  const costMoves = DEPLOYMENT_OPTIONS.map((o) => {
    const reason = deployment?.ranking.find((r) => r.option === o)?.reasons.find((r) => r.rule === COST_MODEL_RULE);
    return { option: o, by: reason?.by ?? null, rationale: reason?.rationale ?? null };
  });
  const recommendedReason = costMoves.find((m) => m.option === recommended)?.rationale ?? null;

  return (
    <>
      <BudgetAlerts
        levels={[
          { name: 'Pilot volume', budget: estimate.budget, monthly: estimate.monthly },
          { name: `Production volume (${formatNumber(factor, 2)}×)`, budget: production.budget, monthly: production.monthly },
        ]}
        optionLabel={optionLabel}
      />
      <div className="cost-summary">
        <ul className="cost-cards" aria-label="Monthly cost per option">
          {DEPLOYMENT_OPTIONS.map((o, i) => (
            <li key={o} className={`cost-card${o === cheapest ? ' cost-card-cheapest' : ''}`}>
              <span className="cost-card-head">
                <span className="cost-swatch" style={{ background: seriesColour(i) }} aria-hidden="true" />
                <strong>{optionLabel(o)}</strong>
              </span>
              <span className="cost-figure">
                {usd(production.monthly[o])} <span className="cost-unit">USD / month</span>
              </span>
              <span className="muted small">
                at production · pilot {usd(estimate.monthly[o])} USD
                {o !== 'cloud' && ` · owns ${production.accelerators[o]} accelerator${production.accelerators[o] === 1 ? '' : 's'}`}
              </span>
              {o === cheapest && <span className="tag tag-ok">Cheapest at production</span>}
            </li>
          ))}
        </ul>
        <div className="card cost-effect" aria-labelledby="cost-effect-title">
          <p className="eyebrow" id="cost-effect-title">
            Deployment recommendation
          </p>
          <p className="cost-recommendation">{recommended ? optionLabel(recommended) : 'None'}</p>
          <p className="small">
            Cost model on the Cost score:{' '}
            <span className="cost-moves">{costMoves.map((m) => `${optionLabel(m.option)} ${m.by === null ? 'n/a' : signed(m.by)}`).join(' · ')}</span>
          </p>
          {recommendedReason && (
            <details className="breakdown">
              <summary>The cost model’s reasoning</summary>
              <p className="small muted cost-reason">{recommendedReason}</p>
            </details>
          )}
          <a
            href={decisionHash}
            className="small"
            onClick={(e) => {
              e.preventDefault();
              onOpenDecision();
            }}
          >
            Open the Deployment decision
          </a>
        </div>
      </div>

      <div className="cost-volume">
        <Segmented
          legend="Show figures at"
          size="small"
          value={volume}
          onChange={(v) => setVolume(v as Volume)}
          options={[
            { value: 'pilot', label: 'Pilot volume (the answers)' },
            { value: 'production', label: `Production volume (${formatNumber(factor, 2)}×)` },
          ]}
        />
      </div>

      <div className="cost-grid">
        <section className="card" aria-labelledby="cost-breakdown-title">
          <h3 id="cost-breakdown-title">Monthly cost by what it pays for</h3>
          <div className="table-scroll">
            <table className="data-table cost-table">
              <caption>USD per month, {volumeWords}</caption>
              <thead>
                <tr>
                  <th scope="col">Part</th>
                  {DEPLOYMENT_OPTIONS.map((o) => (
                    <th key={o} scope="col" className="num">
                      {optionLabel(o)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(['training', 'inference', 'egress', 'overhead'] as const).map((part) => (
                  <tr key={part}>
                    <th scope="row">{humanize(part)}</th>
                    {DEPLOYMENT_OPTIONS.map((o) => (
                      <td key={o} className="num">
                        {usd(shown.breakdown[o][part])}
                      </td>
                    ))}
                  </tr>
                ))}
                <tr className="row-strong">
                  <th scope="row">Total</th>
                  {DEPLOYMENT_OPTIONS.map((o) => (
                    <td key={o} className="num">
                      {usd(shown.monthly[o])}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <dl className="facts cost-facts">
            <dt>Breakeven</dt>
            <dd>
              {estimate.breakevenUtilization === null
                ? 'Owning never beats renting at these prices.'
                : `Owning beats renting above ${formatPercent(estimate.breakevenUtilization)} sustained utilization.`}
            </dd>
            <dt>Owned fleet</dt>
            <dd>
              On-premises {shown.accelerators['on-premises']}, hybrid {shown.accelerators.hybrid} accelerator{shown.accelerators.hybrid === 1 ? '' : 's'}
            </dd>
            {shown.spotSavings > 0 && (
              <>
                <dt>Spot</dt>
                <dd>
                  Saves {formatUsd(shown.spotSavings)} a month on interruptible training (all on demand: {formatUsd(shown.cloudOnDemand.monthly)}).
                </dd>
              </>
            )}
          </dl>
          {estimate.unknownInputs.length > 0 && (
            <div className="cost-unknown">
              <p className="small">
                <strong>Not answered yet</strong>, so the model assumes:
              </p>
              <ul className="plain-list small">
                {estimate.unknownInputs.map((f) => (
                  <li key={f}>
                    {prompt(f)}: {FALLBACK_WORDS[f] ?? 'taken as 0'}.
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
        <section className="card" aria-labelledby="cost-curve-title">
          <h3 id="cost-curve-title">Cost against utilization</h3>
          <CostCurveChart curve={curve} volumeWords={volumeWords} optionLabel={optionLabel} width={560} height={320} />
        </section>
        <section className="card card-wide" aria-labelledby="cost-scale-title">
          <h3 id="cost-scale-title">From pilot to production</h3>
          <ScaleChart series={series} optionLabel={optionLabel} width={1080} height={300} />
        </section>
      </div>
    </>
  );
}
