import {
  DEPLOYMENT_OPTIONS,
  formatNumber,
  formatMoney,
  formatPercent,
  costAssumptionInfoIn,
  servesItself,
  trainsItself,
  type BudgetCheck,
  type CostAssumptions,
  type CostEstimate,
  type CurrencyCode,
  type DeploymentOption,
  type Placement,
  type ResolvedRoadmap,
  type ResolvedUseCase,
  type ScaleLevel,
} from '../../shared/cost';
import { closestId } from '../../shared/util';
import { evaluateWorkshop, workshopCost } from '../../shared/workshop';
import { EXIT_INPUT, EXIT_OK, argsToRun, type CliIo } from './cli-io';
import { roundForOutput } from './evaluation-report';
import { COST_HELP } from './help-text';
import { asWorkshop, readInput } from './input-file';
import { loadPackArg } from './pack-arg';

export type CostFormat = 'json' | 'text';

/** What `stratum cost` was asked to do. */
export type CostArgs = { kind: 'help' } | { kind: 'run'; file: string; pack: string | undefined; format: CostFormat };

const FORMATS: readonly CostFormat[] = ['json', 'text'];
const OPTIONS = ['--format', '--pack'];

/** Parses the arguments after `stratum cost`; a message for a person when they are wrong. */
export function parseCostArgs(args: readonly string[]): { ok: true; value: CostArgs } | { ok: false; message: string } {
  if (args.includes('--help') || args.includes('-h')) return { ok: true, value: { kind: 'help' } };
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!OPTIONS.includes(name)) {
      const suggestion = closestId(name.replace(/^-+/, ''), OPTIONS.map((o) => o.slice(2)));
      return { ok: false, message: `unknown option ${name}${suggestion ? `; did you mean --${suggestion}?` : ''}; allowed: ${OPTIONS.join(', ')}` };
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') return { ok: false, message: `option ${name} needs a value` };
    options.set(name, value);
  }
  if (positional.length !== 1) {
    return {
      ok: false,
      message: positional.length === 0 ? 'cost needs an answers file (or - for standard input)' : `cost takes one answers or workshop file; found ${positional.length}: ${positional.join(' ')}`,
    };
  }
  const format = options.get('--format') ?? 'json';
  if (!FORMATS.includes(format as CostFormat)) {
    const suggestion = closestId(format, FORMATS);
    return { ok: false, message: `option --format: unknown format "${format}"; allowed: ${FORMATS.join(', ')}${suggestion ? `; did you mean "${suggestion}"?` : ''}` };
  }
  return { ok: true, value: { kind: 'run', file: positional[0]!, pack: options.get('--pack'), format: format as CostFormat } };
}

/** What `stratum cost --format json` prints. Amounts are `currency` per month; utilization and shares are 0..1. */
export interface CostReport {
  format: 'stratum.cost';
  /** 2 in US dollars, as before currencies; 3 when the amounts are in another currency (see `currency`). */
  version: 2 | 3;
  input: { file: string; title: string | null };
  /** The currency of every amount (costAssumptions.currency; US dollars unless the answers say otherwise). */
  currency: CurrencyCode;
  /** Each deployment option priced with every use case where it places it, at today's volume (pilot) and production. */
  pilot: ScaleLevel;
  production: ScaleLevel;
  spotSavings: number;
  breakevenUtilization: number | null;
  /** The load priced: utilization, spare accelerators, egress and each use case's volumes, task and sourcing. */
  roadmap: ResolvedRoadmap;
  assumptions: CostAssumptions;
  notes: string[];
}

/** The cost model's estimate as the CLI reports it. */
export function buildCostReport(file: string, title: string | null, estimate: CostEstimate): CostReport {
  return {
    format: 'stratum.cost',
    version: estimate.assumptions.currency === 'USD' ? 2 : 3,
    input: { file, title },
    currency: estimate.assumptions.currency,
    pilot: estimate.pilot,
    production: estimate.production,
    spotSavings: estimate.spotSavings,
    breakevenUtilization: estimate.breakevenUtilization,
    roadmap: estimate.roadmap,
    assumptions: estimate.assumptions,
    notes: estimate.notes,
  };
}

const pad = (text: string, width: number) => text.padStart(width);
const PARTS = ['training', 'inference', 'apis', 'egress', 'overhead', 'operations'] as const;

/** The widest use case name the text tables show in full. */
const LABEL_MAX = 40;
const PLACE_WORDS: Record<string, string> = { cloud: 'in the cloud', 'on-premises': 'on-premises', edge: 'at the edge' };

/**
 * Where an option runs a use case, in words: "serves at the edge, trains in the cloud", "serves and trains
 * on-premises"; a provider's API is "called at the provider" wherever the option would place it.
 */
export function placementWords(u: ResolvedUseCase, p: Placement): string {
  if (!servesItself(u)) return 'called at the provider (an API)';
  const trains = trainsItself(u) && p.training !== null ? PLACE_WORDS[p.training]! : null;
  // A use case with no request volume serves nothing in the estimate, wherever it would serve.
  const serves = u.requests.production > 0 ? (p.serving === null ? 'at the provider' : PLACE_WORDS[p.serving]!) : null;
  if (serves === null) return trains === null ? 'nothing to run' : `trains ${trains}`;
  if (trains === null) return `serves ${serves}`;
  return trains === serves ? `serves and trains ${serves}` : `serves ${serves}, trains ${trains}`;
}

/** A terminal summary: production breakdown per option, totals at both volumes, each use case, breakeven, budget, assumptions. */
export function formatCostText(report: CostReport): string {
  const lines: string[] = [];
  const heading = report.input.title ? `${report.input.title} (${report.input.file})` : report.input.file;
  lines.push(`Cost of ${heading}, ${report.currency} per month`);
  lines.push('');
  const width = 14;
  // The label column fits the use cases' names, up to LABEL_MAX (a longer name is shortened in the table only).
  const label = Math.max(12, ...report.roadmap.useCases.map((u) => Math.min(LABEL_MAX, u.name.length) + 2));
  const short = (name: string) => (name.length > LABEL_MAX ? `${name.slice(0, LABEL_MAX - 1)}…` : name);
  const row = (name: string, values: number[]) => `  ${short(name).padEnd(label)}${values.map((v) => pad(formatNumber(v, 0), width)).join('')}`;
  const header = (name: string) => `  ${name.padEnd(label)}${DEPLOYMENT_OPTIONS.map((o) => pad(o, width)).join('')}`;
  lines.push(header('Production'));
  for (const part of PARTS) lines.push(row(part, DEPLOYMENT_OPTIONS.map((o) => report.production.options[o].breakdown[part])));
  lines.push(row('total', DEPLOYMENT_OPTIONS.map((o) => report.production.monthly[o])));
  lines.push(row('pilot', DEPLOYMENT_OPTIONS.map((o) => report.pilot.monthly[o])));
  lines.push('');
  lines.push(header('By use case'));
  report.roadmap.useCases.forEach((u, i) => lines.push(row(u.name, DEPLOYMENT_OPTIONS.map((o) => report.production.options[o].useCases[i]!.monthly))));
  lines.push('');
  lines.push('Each use case at production volume, and where each option runs it:');
  report.roadmap.useCases.forEach((u, i) => {
    const training = u.trainingHours > 0 ? `, ${formatNumber(u.trainingHours, 0)} training hours` : '';
    lines.push(`  ${u.name}: ${formatNumber(u.requests.production, 0)} requests a month${training}, ${u.sourcing}`);
    const where = DEPLOYMENT_OPTIONS.map((o) => placementWords(u, report.production.options[o].useCases[i]!.placement));
    if (where.every((w) => w === where[0])) lines.push(`    every option: ${where[0]}`);
    else DEPLOYMENT_OPTIONS.forEach((o, j) => lines.push(`    ${`${o}:`.padEnd(13)}${where[j]}`));
  });
  lines.push('');
  const fleet = (o: DeploymentOption) => {
    const owned = report.production.options[o].accelerators;
    if (owned.dataCentre + owned.edge === 0) return `${o} none`;
    const dataCentre = owned.dataCentre > 0 ? `${owned.dataCentre} in the data centre (${owned.spareUsed} spare, ${owned.bought} bought)` : '';
    const edge = owned.edge > 0 ? `${owned.edge} at the sites` : '';
    return `${o} ${[dataCentre, edge].filter(Boolean).join(' and ')}`;
  };
  lines.push(`Owned accelerators at production: ${fleet('on-premises')}; ${fleet('hybrid')}.`);
  if (report.spotSavings > 0) lines.push(`Spot: saves ${formatMoney(report.spotSavings, report.currency)} a month on interruptible training (all on demand: ${formatMoney(report.production.cloudOnDemand, report.currency)}).`);
  const ownModels = report.roadmap.useCases.some((u) => (u.sourcing === 'custom-platform' || u.sourcing === 'managed-ml-platform') && (u.requests.production > 0 || u.trainingHours > 0));
  lines.push(
    report.breakevenUtilization === null
      ? ownModels
        ? 'Breakeven: owning the accelerators for your own models never beats renting them within 0-100% utilization at these prices.'
        : 'Breakeven: none to find: no use case runs models of its own (providers and vendors serve them), so there is no fleet to own or rent.'
      : `Breakeven: owning the accelerators for your own models beats renting them above ${formatPercent(report.breakevenUtilization)} sustained utilization (the fleet runs at ${formatPercent(report.roadmap.utilization)}).`,
  );
  lines.push(budgetLine('Budget (pilot)', report.pilot.budget, report.currency));
  if (report.pilot.budget.monthlyBudget !== null) lines.push(budgetLine('Budget (production)', report.production.budget, report.currency));
  lines.push('');
  lines.push('Assumptions:');
  const infos = costAssumptionInfoIn(report.assumptions);
  const assumption = (info: (typeof infos)[number]) => {
    const value = report.assumptions[info.key];
    lines.push(`  ${info.key.padEnd(38)}${(value === null ? 'none' : formatNumber(value, 6)).padStart(14)}  ${info.unit}`);
  };
  // Another currency first, with its rate: every amount below is in it.
  if (report.currency !== 'USD') {
    lines.push(`  ${'currency'.padEnd(38)}${report.currency.padStart(14)}`);
    assumption(infos.find((i) => i.key === 'usdExchangeRate')!);
  }
  for (const info of infos) if (info.key !== 'usdExchangeRate') assumption(info);
  if (report.notes.length > 0) {
    lines.push('');
    lines.push('Notes:');
    for (const note of report.notes) lines.push(`  ${note}`);
  }
  return lines.join('\n');
}

function budgetLine(label: string, budget: BudgetCheck, currency: CurrencyCode): string {
  if (budget.monthlyBudget === null) return 'Budget: none set (costAssumptions.monthlyBudget sets one).';
  const parts = DEPLOYMENT_OPTIONS.map((o) => {
    const b = budget.byOption[o];
    return `${o} ${b.status} (${formatPercent(b.shareOfBudget ?? 0)})`;
  });
  return `${label}: ${formatMoney(budget.monthlyBudget, currency)} a month; ${budget.status.toUpperCase()} for the cheapest option (${budget.cheapestOption}); ${parts.join(', ')}.`;
}

/** The estimate with its use cases' ids replaced as `ids` says (the rest unchanged). */
function withIds(estimate: CostEstimate, ids: ReadonlyMap<string, string>): CostEstimate {
  const id = (x: string) => ids.get(x) ?? x;
  const level = (l: ScaleLevel): ScaleLevel => ({
    ...l,
    options: Object.fromEntries(DEPLOYMENT_OPTIONS.map((o) => [o, { ...l.options[o], useCases: l.options[o].useCases.map((u) => ({ ...u, id: id(u.id) })) }])) as ScaleLevel['options'],
  });
  return { ...estimate, roadmap: { ...estimate.roadmap, useCases: estimate.roadmap.useCases.map((u) => ({ ...u, id: id(u.id) })) }, pilot: level(estimate.pilot), production: level(estimate.production) };
}

/** The report as pretty JSON with rounded numbers (deterministic: same input, same bytes). */
export function costReportToJson(report: CostReport): string {
  return `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' ? roundForOutput(value) : value), 2)}\n`;
}

/** Runs `stratum cost FILE|- [--format json|text] [--pack FILE]` (FILE an answers or workshop file); returns the exit code. User mistakes exit 2. */
export function runCostCommand(args: readonly string[], io: CliIo): number {
  const run = argsToRun(io, 'cost', COST_HELP, parseCostArgs(args));
  if (typeof run === 'number') return run;
  const { file, format } = run;
  const packArg = loadPackArg(io, run.pack);
  if (packArg === null) return EXIT_INPUT;
  const read = readInput(io, file, packArg);
  if (!read) return EXIT_INPUT;
  const { input, pack } = read;
  // Priced as the app's Cost step prices it: each use case where the engine places it, with the workshop's assumptions.
  const { state } = asWorkshop(input, new Date());
  const room = evaluateWorkshop(pack, state);
  const estimate = workshopCost(state, room.evaluation, room.costAssumptions);
  if (!estimate) {
    io.stderr(`stratum: ${input.name}: nothing to price: no use case gives a request volume (now or in production) or training hours.`);
    return EXIT_INPUT;
  }
  const title = input.kind === 'answers' ? (input.answers.title ?? null) : input.file.workshop.title;
  // An answers file's use cases keep the ids it gives them (or use-case-<n>), as stratum evaluate reports them.
  const ids = new Map(input.kind === 'answers' ? state.useCases.map((u, i) => [u.id, input.answers.useCases[i]!.id] as const) : []);
  const report = buildCostReport(input.name, title, ids.size > 0 ? withIds(estimate, ids) : estimate);
  io.stdout(format === 'json' ? costReportToJson(report) : formatCostText(report));
  return EXIT_OK;
}
