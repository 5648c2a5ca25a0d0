import { useMemo, useState } from 'react';
import {
  DEPLOYMENT_OPTIONS,
  costAssumptionInfoIn,
  cheapestOptions,
  costCurve,
  estimateCost,
  formatNumber,
  formatAmount,
  formatMoney,
  formatPercent,
  pilotToProduction,
  type CostAssumptionInfo,
  type CostAssumptions,
  type CostEstimate,
  type CostRoadmap,
  type DeploymentOption,
  type MoneyContext,
  type Placement,
} from '../../../shared/cost';
import type { DecisionEvaluation } from '../../../shared/engine';
import { appliedChoice, workshopCostRoadmap } from '../../../shared/workshop';
import { Segmented } from '../../components/Segmented';
import { seriesColour } from '../../components/palette';
import { humanize } from '../../components/labels';
import { useDerived, usePack } from '../../stores/derived';
import { useAppPick } from '../../stores/context';
import { routeToHash } from '../../stores/route';
import { AssumptionField } from './AssumptionField';
import { BudgetAlerts } from './BudgetAlerts';
import { CostCurveChart } from './CostCurveChart';
import { ScaleChart } from './ScaleChart';
import { withCostAssumption, withoutCostAssumption, withWorkshopCurrency } from './cost-form';
import { CurrencyField } from './CurrencyField';
import { ScrollTable } from '../../components/form';
import { StepPage } from '../../components/StepPage';
import { packOptionLabel } from '../../../shared/engine';

type Volume = 'pilot' | 'production';

const PARTS = [
  ['training', 'Training'],
  ['inference', 'Serving your own models'],
  ['apis', 'APIs and vendors (per call)'],
  ['egress', 'Egress'],
  ['overhead', 'Power, cooling, space'],
  ['operations', 'Running an owned estate'],
] as const;

/** Step: what each deployment option costs a month with every use case where it puts it, where owning beats renting, and the assumptions. */
export function CostStep() {
  const pack = usePack();
  const derived = useDerived();
  const { session, change, navigate, sessionWorkshopId: workshopId } = useAppPick('session', 'change', 'navigate', 'sessionWorkshopId');
  const roadmap = useMemo(() => (session && derived ? workshopCostRoadmap(session, derived.evaluation) : null), [session, derived]);
  if (!session || !derived || !workshopId) return null;

  const deployment = derived.evaluation.decisions.find((d) => d.id === 'deployment');
  const optionLabel = (option: string) => packOptionLabel(pack, 'deployment', option);
  const useCasesHash = routeToHash({ name: 'workshop', id: workshopId, step: 'use-cases' });

  return (
    <StepPage
      titleId="cost-title"
      title="Cost"
      width="wide"
      className="cost-step"
      lede="What cloud, on-premises and hybrid would cost a month with every use case where each option puts it, from today’s volumes to production, and where owning starts to beat renting. The same model scores each use case’s placement and sourcing on cost; every assumption below can be changed."
    >
      {roadmap === null ? (
        <div className="callout callout-info cost-empty">
          <p>
            <strong>The cost model prices the use cases.</strong> Give at least one use case its request volumes (now and in production) or its training hours.
          </p>
          <a
            href={useCasesHash}
            className="button button-small"
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'workshop', id: workshopId, step: 'use-cases' });
            }}
          >
            Go to Use cases
          </a>
        </div>
      ) : (
        <CostFigures
          roadmap={roadmap}
          assumptions={derived.costAssumptions}
          deployment={deployment}
          roomChoice={appliedChoice(deployment, session.roomChoices)?.option ?? null}
          optionLabel={optionLabel}
          onOpenDecision={() => navigate({ name: 'workshop', id: workshopId, step: 'decisions', decision: 'deployment' })}
          decisionHash={routeToHash({ name: 'workshop', id: workshopId, step: 'decisions', decision: 'deployment' })}
        />
      )}
      <section className="card cost-assumptions" aria-labelledby="cost-assumptions-title">
        <div className="card-head">
          <h3 id="cost-assumptions-title">Assumptions</h3>
          <p className="muted small">Changes are saved with the workshop and can be undone like answers.</p>
        </div>
        <CurrencyField
          currency={derived.costAssumptions.currency}
          onChange={(currency) => change((s) => withWorkshopCurrency(s, currency))}
        />
        <div className="assumption-list">
          {assumptionsInOrder(derived.costAssumptions).map((info) => (
            <AssumptionField
              key={info.key}
              info={info}
              money={derived.costAssumptions}
              value={derived.costAssumptions[info.key]}
              overridden={info.key in session.costAssumptions}
              onCommit={(value) => change((s) => withCostAssumption(s, info.key, value), { coalesceKey: `cost:${info.key}` })}
              onReset={() => change((s) => withoutCostAssumption(s, info.key))}
            />
          ))}
        </div>
      </section>
    </StepPage>
  );
}

/** The assumptions as the Cost step lists them: another currency's rate first (under the currency), then the rest. */
function assumptionsInOrder(money: MoneyContext): readonly CostAssumptionInfo[] {
  const infos = costAssumptionInfoIn(money);
  const rate = infos.filter((info) => info.key === 'usdExchangeRate');
  return [...(money.currency === 'USD' ? [] : rate), ...infos.filter((info) => info.key !== 'usdExchangeRate')];
}

interface CostFiguresProps {
  roadmap: CostRoadmap;
  assumptions: CostAssumptions;
  deployment: DecisionEvaluation | undefined;
  roomChoice: string | null;
  optionLabel: (option: string) => string;
  onOpenDecision: () => void;
  decisionHash: string;
}

function placementWords(p: Placement): string {
  const serving = p.serving === null ? 'at the provider' : p.serving === 'edge' ? 'at the edge' : p.serving === 'cloud' ? 'in the cloud' : 'on-premises';
  return p.training === null ? serving : `${serving}; trains ${p.training === 'cloud' ? 'in the cloud' : 'on-premises'}`;
}

function CostFigures({ roadmap, assumptions, deployment, roomChoice, optionLabel, onOpenDecision, decisionHash }: CostFiguresProps) {
  const [volume, setVolume] = useState<Volume>('production');
  const estimate = useMemo(() => estimateCost(roadmap, assumptions), [roadmap, assumptions]);
  const curve = useMemo(() => costCurve(roadmap, assumptions), [roadmap, assumptions]);
  const series = useMemo(() => pilotToProduction(roadmap, assumptions, { steps: 20 }), [roadmap, assumptions]);
  const shown = estimate[volume];
  const production = estimate.production;
  const volumeWords = volume === 'production' ? 'at production volume' : 'at today’s volume (the pilot)';
  // A tie to the dollar is shown as a tie: every option that costs the least is marked.
  const cheapest = cheapestOptions(production.monthly);
  const outcome = (roomChoice ?? deployment?.recommended ?? null) as DeploymentOption | null;
  // A tie is said as one: the figures below are those of the option a hair ahead.
  const tied = (!roomChoice && deployment?.confidence?.level === 'too-close' ? deployment.confidence.tied : []) as DeploymentOption[];
  const owned = (o: DeploymentOption) => production.options[o].accelerators;
  const currency = assumptions.currency;
  const money = (value: number) => formatMoney(value, currency);
  const amount = (value: number) => formatAmount(value, currency);

  return (
    <>
      <BudgetAlerts
        levels={[
          { name: 'Today’s volume (pilot)', budget: estimate.pilot.budget, monthly: estimate.pilot.monthly },
          { name: 'Production volume', budget: production.budget, monthly: production.monthly },
        ]}
        optionLabel={optionLabel}
        currency={currency}
      />
      <div className="cost-summary">
        <ul className="cost-cards" aria-label="Monthly cost per option">
          {DEPLOYMENT_OPTIONS.map((o, i) => (
            <li key={o} className={`cost-card${cheapest.includes(o) ? ' cost-card-cheapest' : ''}`}>
              <span className="cost-card-head">
                <span className="cost-swatch" style={{ background: seriesColour(i) }} aria-hidden="true" />
                <strong>{optionLabel(o)}</strong>
              </span>
              <span className="cost-figure">
                {amount(production.monthly[o])} <span className="cost-unit">{currency} / month</span>
              </span>
              <span className="muted small">
                at production · today {money(estimate.pilot.monthly[o])}
                {o !== 'cloud' && ` · owns ${owned(o).dataCentre + owned(o).edge} accelerator${owned(o).dataCentre + owned(o).edge === 1 ? '' : 's'}`}
              </span>
              {cheapest.includes(o) && <span className="tag tag-ok">{cheapest.length > 1 ? 'Cheapest at production (tied)' : 'Cheapest at production'}</span>}
              {deployment?.excluded.some((x) => x.option === o) && <span className="tag tag-warning">Ruled out for this roadmap</span>}
            </li>
          ))}
        </ul>
        <div className="card cost-effect" aria-labelledby="cost-effect-title">
          <p className="eyebrow" id="cost-effect-title">
            Deployment {roomChoice ? '(the room’s choice)' : tied.length > 0 ? 'too close to call' : 'recommendation'}
          </p>
          <p className="cost-recommendation">{tied.length > 0 ? tied.map(optionLabel).join(' or ') : outcome ? optionLabel(outcome) : 'None'}</p>
          {tied.length > 0 ? (
            <p className="small">{tied.map((o) => `${money(production.monthly[o])} (${optionLabel(o)})`).join(' or ')} a month at production volume.</p>
          ) : (
            outcome && <p className="small">{money(production.monthly[outcome])} a month at production volume.</p>
          )}
          <p className="small muted">The cost model scores where each use case serves and trains, and how it is sourced: its figures are in each use case’s reasons.</p>
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
            { value: 'pilot', label: 'Today’s volume (pilot)' },
            { value: 'production', label: 'Production volume' },
          ]}
        />
      </div>

      <div className="cost-grid">
        <BreakdownCard estimate={estimate} shown={shown} volumeWords={volumeWords} currency={currency} optionLabel={optionLabel} />
        <section className="card" aria-labelledby="cost-curve-title">
          <h3 id="cost-curve-title">Cost against utilization</h3>
          <CostCurveChart curve={curve} volumeWords="at production volume" optionLabel={optionLabel} currency={currency} width={560} height={320} />
        </section>
        <UseCaseCosts estimate={estimate} shown={shown} volume={volume} volumeWords={volumeWords} currency={currency} optionLabel={optionLabel} />
        <section className="card card-wide" aria-labelledby="cost-scale-title">
          <h3 id="cost-scale-title">From today’s volume to production</h3>
          <ScaleChart series={series} optionLabel={optionLabel} currency={currency} width={1080} height={300} />
        </section>
      </div>
    </>
  );
}

/** What one level of the estimate shows: the whole estimate, the level shown (today's or production), and how money reads. */
interface LevelProps {
  estimate: CostEstimate;
  shown: CostEstimate['production'];
  volumeWords: string;
  currency: CostAssumptions['currency'];
  optionLabel: (option: string) => string;
}

/** Monthly cost by what it pays for, per option; the breakeven, the accelerators owned, spot savings, and what is assumed. */
function BreakdownCard({ estimate, shown, volumeWords, currency, optionLabel }: LevelProps) {
  const production = estimate.production;
  const owned = (o: DeploymentOption) => production.options[o].accelerators;
  const money = (value: number) => formatMoney(value, currency);
  const amount = (value: number) => formatAmount(value, currency);
  return (
    <section className="card" aria-labelledby="cost-breakdown-title">
      <h3 id="cost-breakdown-title">Monthly cost by what it pays for</h3>
      <ScrollTable className="cost-table">
        <caption>
          {currency} per month, {volumeWords}
        </caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <OptionHeaders optionLabel={optionLabel} />
          </tr>
        </thead>
        <tbody>
          {PARTS.map(([part, label]) => (
            <tr key={part}>
              <th scope="row">{label}</th>
              {DEPLOYMENT_OPTIONS.map((o) => (
                <td key={o} className="num">
                  {amount(shown.options[o].breakdown[part])}
                </td>
              ))}
            </tr>
          ))}
          <tr className="row-strong">
            <th scope="row">Total</th>
            {DEPLOYMENT_OPTIONS.map((o) => (
              <td key={o} className="num">
                {amount(shown.monthly[o])}
              </td>
            ))}
          </tr>
        </tbody>
      </ScrollTable>
      <dl className="facts cost-facts">
        <dt>Breakeven</dt>
        <dd>
          {estimate.breakevenUtilization === null
            ? 'Owning the accelerators for your own models never beats renting them at these prices.'
            : `Owning the accelerators for your own models beats renting them above ${formatPercent(estimate.breakevenUtilization)} sustained utilization.`}
        </dd>
        <dt>Owned at production</dt>
        <dd>
          On-premises: {owned('on-premises').dataCentre} in the data centre ({owned('on-premises').spareUsed} already owned, {owned('on-premises').bought} bought)
          {owned('on-premises').edge > 0 ? ` and ${owned('on-premises').edge} at the sites` : ''}; hybrid: {owned('hybrid').dataCentre}
          {owned('hybrid').edge > 0 ? ` and ${owned('hybrid').edge} at the sites` : ''}.
        </dd>
        {estimate.spotSavings > 0 && (
          <>
            <dt>Spot</dt>
            <dd>
              Saves {money(estimate.spotSavings)} a month on interruptible training in the cloud (all on demand: {money(production.cloudOnDemand)}).
            </dd>
          </>
        )}
      </dl>
      {estimate.notes.length > 0 && (
        <div className="cost-unknown">
          <p className="small">
            <strong>Not answered yet</strong>, so the model assumes:
          </p>
          <ul className="plain-list small">
            {estimate.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** Each use case's monthly cost under each option, with where that option puts it. */
function UseCaseCosts({ estimate, shown, volume, volumeWords, currency, optionLabel }: LevelProps & { volume: Volume }) {
  const amount = (value: number) => formatAmount(value, currency);
  return (
    <section className="card card-wide" aria-labelledby="cost-usecases-title">
      <h3 id="cost-usecases-title">Each use case</h3>
      <ScrollTable className="cost-table">
        <caption>
          {currency} per month {volumeWords}, with where each option puts it
        </caption>
        <thead>
          <tr>
            <th scope="col">Use case</th>
            <th scope="col" className="num">
              Requests a month
            </th>
            <OptionHeaders optionLabel={optionLabel} />
          </tr>
        </thead>
        <tbody>
          {estimate.roadmap.useCases.map((u, i) => (
            <tr key={u.id}>
              <th scope="row">
                {u.name}
                <span className="muted small portfolio-note">{humanize(u.sourcing)}</span>
              </th>
              <td className="num">{formatNumber(u.requests[volume], 0)}</td>
              {DEPLOYMENT_OPTIONS.map((o) => {
                const priced = shown.options[o].useCases[i]!;
                return (
                  <td key={o} className="num">
                    {amount(priced.monthly)}
                    <span className="muted small portfolio-note">{placementWords(priced.placement)}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}

/** A column head per deployment option, in the order of the cards. */
function OptionHeaders({ optionLabel }: { optionLabel: (option: string) => string }) {
  return (
    <>
      {DEPLOYMENT_OPTIONS.map((o) => (
        <th key={o} scope="col" className="num">
          {optionLabel(o)}
        </th>
      ))}
    </>
  );
}
