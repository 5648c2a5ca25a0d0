import { closestId } from '../../shared/util';

export type OutputFormat = 'json' | 'text' | 'markdown';

/** What the command line asks for. */
export type CliCommand =
  | { kind: 'help'; topic: 'main' | 'evaluate' | 'pack' }
  | { kind: 'version' }
  /** samples: undefined when not given (10000 for an answers file, the app's 2000 for a workshop file). */
  | { kind: 'evaluate'; file: string; pack: string | undefined; format: OutputFormat; samples: number | undefined; seed: number }
  | { kind: 'pack-validate'; file: string; format: 'json' | 'text' }
  /** against: undefined for the built-in pack. */
  | { kind: 'pack-compare'; file: string; against: string | undefined; format: 'json' | 'text' }
  | { kind: 'pack-default' };

export type ParsedArgs = { ok: true; command: CliCommand } | { ok: false; message: string; helpTopic: 'main' | 'evaluate' | 'pack' };

const COMMANDS = ['evaluate', 'pack', 'cost', 'diagram', 'export'];
const PACK_COMMANDS = ['validate', 'compare', 'default'];
const MAX_SAMPLES = 10_000_000;

export interface Split {
  positional: string[];
  options: Map<string, string | true>;
  error?: string;
}

/** Separates positionals from `--name value` / `--name=value` options, given which options take a value. */
export function split(args: readonly string[], valued: readonly string[], flags: readonly string[]): Split {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (valued.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') return { positional, options, error: `option ${name} needs a value` };
      options.set(name, value);
    } else if (flags.includes(name)) {
      options.set(name, true);
    } else {
      const suggestion = closestId(name.replace(/^-+/, ''), [...valued, ...flags].map((o) => o.replace(/^-+/, '')));
      return { positional, options, error: `unknown option ${name}${suggestion ? `; did you mean --${suggestion}?` : ''}; allowed: ${[...valued, ...flags].join(', ')}` };
    }
  }
  return { positional, options };
}

export function wholeNumber(text: string, name: string, min: number, max: number): number | string {
  if (!/^\d+$/.test(text)) return `option ${name} must be a whole number; found "${text}"; allowed: ${min} to ${max}`;
  const n = Number(text);
  if (n < min || n > max) return `option ${name} is out of range; found ${n}; allowed: ${min} to ${max}`;
  return n;
}

/** Parses `stratum` arguments (without the node and script paths). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const wantsHelp = (args: readonly string[]) => args.includes('--help') || args.includes('-h');
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = rest[0] === 'evaluate' ? 'evaluate' : rest[0] === 'pack' ? 'pack' : 'main';
    return { ok: true, command: { kind: 'help', topic } };
  }
  if (command === '--version' || command === '-v') return { ok: true, command: { kind: 'version' } };

  if (command === 'evaluate') {
    if (wantsHelp(rest)) return { ok: true, command: { kind: 'help', topic: 'evaluate' } };
    const s = split(rest, ['--pack', '--format', '--samples', '--seed'], []);
    if (s.error) return { ok: false, message: s.error, helpTopic: 'evaluate' };
    if (s.positional.length !== 1) {
      return { ok: false, message: s.positional.length === 0 ? 'evaluate needs an answers file (or - for standard input)' : `evaluate takes one answers or workshop file; found ${s.positional.length}: ${s.positional.join(' ')}`, helpTopic: 'evaluate' };
    }
    const format = (s.options.get('--format') ?? 'json') as string;
    if (format !== 'json' && format !== 'text' && format !== 'markdown') {
      const suggestion = closestId(format, ['json', 'text', 'markdown']);
      return { ok: false, message: `option --format: unknown format "${format}"; allowed: json, text, markdown${suggestion ? `; did you mean "${suggestion}"?` : ''}`, helpTopic: 'evaluate' };
    }
    const samplesText = s.options.get('--samples') as string | undefined;
    const samples = samplesText === undefined ? undefined : wholeNumber(samplesText, '--samples', 1, MAX_SAMPLES);
    if (typeof samples === 'string') return { ok: false, message: samples, helpTopic: 'evaluate' };
    const seed = wholeNumber((s.options.get('--seed') as string | undefined) ?? '1', '--seed', 0, 0xffffffff);
    if (typeof seed === 'string') return { ok: false, message: seed, helpTopic: 'evaluate' };
    return { ok: true, command: { kind: 'evaluate', file: s.positional[0]!, pack: s.options.get('--pack') as string | undefined, format, samples, seed } };
  }

  if (command === 'pack') {
    const [sub, ...args] = rest;
    if (sub === undefined || sub === '--help' || sub === '-h' || wantsHelp(args)) return { ok: true, command: { kind: 'help', topic: 'pack' } };
    if (sub === 'default') {
      if (args.length > 0) return { ok: false, message: `pack default takes no arguments; found: ${args.join(' ')}`, helpTopic: 'pack' };
      return { ok: true, command: { kind: 'pack-default' } };
    }
    if (sub !== 'validate' && sub !== 'compare') {
      const suggestion = closestId(sub, PACK_COMMANDS);
      return { ok: false, message: `unknown pack command "${sub}"; allowed: ${PACK_COMMANDS.join(', ')}${suggestion ? `; did you mean "${suggestion}"?` : ''}`, helpTopic: 'pack' };
    }
    const s = split(args, sub === 'compare' ? ['--format', '--against'] : ['--format'], []);
    if (s.error) return { ok: false, message: s.error, helpTopic: 'pack' };
    if (s.positional.length !== 1) return { ok: false, message: `pack ${sub} needs one pack file`, helpTopic: 'pack' };
    const format = (s.options.get('--format') ?? 'text') as string;
    if (format !== 'json' && format !== 'text') return { ok: false, message: `option --format: unknown format "${format}"; allowed: text, json`, helpTopic: 'pack' };
    if (sub === 'compare') return { ok: true, command: { kind: 'pack-compare', file: s.positional[0]!, against: s.options.get('--against') as string | undefined, format } };
    return { ok: true, command: { kind: 'pack-validate', file: s.positional[0]!, format } };
  }

  const suggestion = closestId(command, COMMANDS);
  return { ok: false, message: `unknown command "${command}"; allowed: ${COMMANDS.join(', ')}${suggestion ? `; did you mean "${suggestion}"?` : ''}`, helpTopic: 'main' };
}
