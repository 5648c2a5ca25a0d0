import packageJson from '../../package.json';
import {
  comparePacks,
  defaultPack,
  defaultPackJson,
  formatIssue,
  loadPack,
  packFingerprint,
  PACK_EXPECTATION_SAMPLES,
  validatePack,
  type CompiledPack,
  type EngineIssue,
} from '../../shared/engine';
import { packMismatch } from '../../shared/records';
import { withBudgetRisk, workshopCost, workshopCostAssumptions } from '../../shared/workshop';
import { DEFAULT_ROBUSTNESS_SAMPLES } from '../../shared/engine';
import { EXIT_INPUT, EXIT_OK, type CliIo } from './cli-io';
import { runCostCommand } from './cost-command';
import { runDiagramCommand } from './diagram-command';
import { buildEvaluationReport, buildWorkshopEvaluationReport, reportToJson } from './evaluation-report';
import { runExportCommand } from './export-command';
import { formatMarkdown } from './format-markdown';
import { formatPackChanges } from './format-pack-changes';
import { formatText } from './format-text';
import { EVALUATE_HELP, MAIN_HELP, PACK_HELP } from './help-text';
import { parseArgs, type CliCommand } from './parse-args';
import { asWorkshop, readInput } from './input-file';
import { readJson } from './read-json';

const HELP = { main: MAIN_HELP, evaluate: EVALUATE_HELP, pack: PACK_HELP } as const;
/** Robustness samples for an answers file when --samples is not given. */
const ANSWERS_SAMPLES = 10_000;

function reportIssues(io: CliIo, file: string, issues: readonly EngineIssue[]): number {
  for (const issue of issues) io.stderr(`stratum: ${formatIssue(issue, file)}`);
  return EXIT_INPUT;
}

function loadPackFile(io: CliIo, path: string): { ok: true; pack: CompiledPack; name: string } | { ok: false; code: number } {
  const read = readJson(io, path);
  if (!read.ok) {
    io.stderr(`stratum: ${read.message}`);
    return { ok: false, code: EXIT_INPUT };
  }
  const loaded = loadPack(read.value);
  if (!loaded.ok) return { ok: false, code: reportIssues(io, read.name, loaded.issues) };
  return { ok: true, pack: loaded.value, name: read.name };
}

function evaluateCommand(io: CliIo, command: Extract<ReturnType<typeof parseArgs>, { ok: true }>['command'] & { kind: 'evaluate' }): number {
  let packArg: CompiledPack | undefined;
  if (command.pack !== undefined) {
    const loaded = loadPackFile(io, command.pack);
    if (!loaded.ok) return loaded.code;
    packArg = loaded.pack;
  }
  const read = readInput(io, command.file, packArg);
  if (!read) return EXIT_INPUT;
  const { input, pack } = read;
  const sha256 = packFingerprint(pack.pack);
  let report;
  if (input.kind === 'answers') {
    report = buildEvaluationReport(pack, sha256, input.name, input.answers, { samples: command.samples ?? ANSWERS_SAMPLES, seed: command.seed });
    // The budget is judged as the app judges it: the answers priced as a workshop (the Cost step's figures).
    const { state } = asWorkshop(input, new Date());
    report = withBudgetRisk(report, workshopCost(state, report, workshopCostAssumptions(state.costAssumptions)), {});
  } else {
    const mismatch = packMismatch(input.file, pack, sha256);
    if (mismatch) io.stderr(`stratum: note: ${input.name}: ${mismatch}`);
    report = buildWorkshopEvaluationReport(pack, sha256, input.name, input.file, { samples: command.samples ?? DEFAULT_ROBUSTNESS_SAMPLES, seed: command.seed });
  }
  io.stdout(command.format === 'json' ? reportToJson(report) : command.format === 'text' ? formatText(report) : formatMarkdown(report));
  return EXIT_OK;
}

function validatePackCommand(io: CliIo, file: string, format: 'json' | 'text'): number {
  const read = readJson(io, file);
  if (!read.ok) {
    if (format === 'json') io.stdout(JSON.stringify({ valid: false, file, issues: [{ path: '$', message: read.message }] }, null, 2));
    io.stderr(`stratum: ${read.message}`);
    return EXIT_INPUT;
  }
  const loaded = validatePack(read.value);
  const issues: EngineIssue[] = loaded.ok ? [] : loaded.issues;
  if (format === 'json') {
    // A pack whose shape is right but whose expectations fail still names itself.
    const shaped = loaded.ok ? loaded : loadPack(read.value);
    const pack = shaped.ok ? shaped.value.pack : undefined;
    io.stdout(
      JSON.stringify(
        {
          valid: issues.length === 0,
          file: read.name,
          pack: pack ? { id: pack.id, version: pack.packVersion, sha256: packFingerprint(pack) } : null,
          issues: issues.map((i) => ({ line: formatIssue(i, read.name), ...i })),
        },
        null,
        2,
      ),
    );
  }
  if (issues.length > 0) return reportIssues(io, read.name, issues);
  if (format === 'text' && loaded.ok) {
    const p = loaded.value.pack;
    io.stdout(
      `${read.name}: pack ${p.id} ${p.packVersion} is valid: ${p.factors.length} factors, ${p.criteria.length} criteria, ${p.decisions.length} decisions, ${p.rules.length} rules, ${p.checks?.length ?? 0} consistency checks; ` +
        `${p.expectations?.monotonic.length ?? 0} monotonic expectations hold over ${PACK_EXPECTATION_SAMPLES} seeded workshops each; sha256 ${packFingerprint(p)}`,
    );
  }
  return EXIT_OK;
}

/** `stratum pack compare`: what a pack changes against the built-in one or another pack; a pack that does not load exits 2 as validate says why. */
function comparePackCommand(io: CliIo, command: Extract<CliCommand, { kind: 'pack-compare' }>): number {
  const other = loadPackFile(io, command.file);
  if (!other.ok) return other.code;
  let base = defaultPack();
  if (command.against !== undefined) {
    const against = loadPackFile(io, command.against);
    if (!against.ok) return against.code;
    base = against.pack;
  }
  const changes = comparePacks(base.pack, other.pack.pack);
  io.stdout(command.format === 'json' ? JSON.stringify(changes, null, 2) : formatPackChanges(changes));
  return EXIT_OK;
}

/**
 * Runs the `stratum` command line and returns the exit code; user mistakes are reported, never thrown.
 * `stratum export` resolves asynchronously (PDF waits for Chromium); every other command returns at once.
 */
export function runCli(argv: readonly string[], io: CliIo): number | Promise<number> {
  // cost, diagram and export parse their own arguments (one file each).
  const own = { cost: runCostCommand, diagram: runDiagramCommand, export: runExportCommand } as const;
  const name = argv[0] === 'help' ? argv[1] : argv[0];
  if (name === 'cost' || name === 'diagram' || name === 'export') return own[name](argv[0] === 'help' ? ['--help'] : argv.slice(1), io);
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`stratum: ${parsed.message}`);
    io.stderr(`Run \`stratum ${parsed.helpTopic === 'main' ? '' : `${parsed.helpTopic} `}--help\` for usage.`);
    return EXIT_INPUT;
  }
  const command = parsed.command;
  switch (command.kind) {
    case 'help':
      io.stdout(HELP[command.topic]);
      return EXIT_OK;
    case 'version':
      io.stdout(`stratum ${packageJson.version}`);
      return EXIT_OK;
    case 'pack-default':
      io.stdout(`${JSON.stringify(defaultPackJson(), null, 2)}\n`);
      return EXIT_OK;
    case 'pack-validate':
      return validatePackCommand(io, command.file, command.format);
    case 'pack-compare':
      return comparePackCommand(io, command);
    case 'evaluate':
      return evaluateCommand(io, command);
  }
}
