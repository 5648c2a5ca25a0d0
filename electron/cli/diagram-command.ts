import path from 'node:path';
import { evaluateWorkshop, exportFileName, workshopStackLayout } from '../../shared/workshop';
import { packFingerprint } from '../../shared/engine';
import { closestId } from '../../shared/util';
import { DIAGRAM_FORMATS, PNG_SCALE_MAX, PNG_SCALE_MIN, exportDiagram, pngSize, type DiagramFormat } from '../export';
import { EXIT_INPUT, EXIT_OK, argsToRun, type CliIo } from './cli-io';
import { loadPackArg } from './pack-arg';
import { DIAGRAM_HELP } from './help-text';
import { asWorkshop, readInput } from './input-file';
import { split } from './parse-args';
import { kindOf, writeOne } from '../export';
import { DIAGRAM_EXPORTS } from '../../shared/contract';

/** PNG scale when --scale is not given: the app's export default. */
export const DEFAULT_PNG_SCALE = 2;
const BACKGROUNDS = ['white', 'transparent'] as const;
type Background = (typeof BACKGROUNDS)[number];
/** The format --out names by its extension, when --format is not given. */
const EXTENSIONS: ReadonlyMap<string, DiagramFormat> = new Map(DIAGRAM_FORMATS.flatMap((f) => [DIAGRAM_EXPORTS[f].extension, ...DIAGRAM_EXPORTS[f].alsoExtensions].map((ext) => [`.${ext}`, f] as const)));

/** What `stratum diagram` was asked to do. */
export type DiagramArgs =
  | { kind: 'help' }
  | { kind: 'run'; file: string; format: DiagramFormat; out: string; scale: number; background: Background; force: boolean; pack: string | undefined };

/** Parses the arguments after `stratum diagram`; a message for a person when they are wrong. */
export function parseDiagramArgs(args: readonly string[]): { ok: true; value: DiagramArgs } | { ok: false; message: string } {
  if (args.includes('--help') || args.includes('-h')) return { ok: true, value: { kind: 'help' } };
  const s = split(args, ['--format', '--out', '--scale', '--background', '--pack'], ['--force']);
  if (s.error) return { ok: false, message: s.error };
  if (s.positional.length !== 1) {
    return { ok: false, message: s.positional.length === 0 ? 'diagram needs an answers or workshop file (or - for standard input)' : `diagram takes one file; found ${s.positional.length}: ${s.positional.join(' ')}` };
  }
  const out = s.options.get('--out') as string | undefined;
  if (out === undefined) return { ok: false, message: 'diagram needs --out PATH (a file, an existing folder, or - for standard output)' };
  let format = s.options.get('--format') as string | undefined;
  if (format === undefined) {
    format = EXTENSIONS.get(path.extname(out).toLowerCase());
    if (format === undefined) return { ok: false, message: `option --format is missing and cannot be told from --out "${out}"; allowed: ${DIAGRAM_FORMATS.join(', ')}` };
  }
  if (!(DIAGRAM_FORMATS as readonly string[]).includes(format)) {
    const suggestion = closestId(format, DIAGRAM_FORMATS);
    return { ok: false, message: `option --format: unknown format "${format}"; allowed: ${DIAGRAM_FORMATS.join(', ')}${suggestion ? `; did you mean "${suggestion}"?` : ''}` };
  }
  const scaleText = s.options.get('--scale') as string | undefined;
  let scale = DEFAULT_PNG_SCALE;
  if (scaleText !== undefined) {
    if (format !== 'png') return { ok: false, message: `option --scale applies to --format png only; found --format ${format}` };
    scale = /^\d+(\.\d+)?$/.test(scaleText) ? Number(scaleText) : NaN;
    if (!(scale >= PNG_SCALE_MIN && scale <= PNG_SCALE_MAX)) {
      return { ok: false, message: `option --scale: found "${scaleText}"; allowed: a number from ${PNG_SCALE_MIN} to ${PNG_SCALE_MAX} (1 = 1x, 2 = 2x, …)` };
    }
  }
  const background = (s.options.get('--background') as string | undefined) ?? 'white';
  if (!(BACKGROUNDS as readonly string[]).includes(background)) return { ok: false, message: `option --background: found "${background}"; allowed: ${BACKGROUNDS.join(', ')}` };
  if (s.options.has('--background') && format !== 'png' && format !== 'svg') return { ok: false, message: `option --background applies to --format png and svg only; found --format ${format}` };
  return {
    ok: true,
    value: { kind: 'run', file: s.positional[0]!, format: format as DiagramFormat, out, scale, background: background as Background, force: s.options.has('--force'), pack: s.options.get('--pack') as string | undefined },
  };
}

/** Runs `stratum diagram FILE --format F --out PATH`; returns the exit code. User mistakes exit 2. */
export function runDiagramCommand(args: readonly string[], io: CliIo): number {
  const run = argsToRun(io, 'diagram', DIAGRAM_HELP, parseDiagramArgs(args));
  if (typeof run === 'number') return run;
  const { file, format, scale, background, force } = run;
  const toStdout = run.out === '-';
  if (toStdout && format === 'png' && io.stdoutIsTerminal()) {
    io.stderr('stratum: --out -: refusing to write a PNG to a terminal; pipe it (| display) or redirect it (> stack.png), or give --out stack.png');
    return EXIT_INPUT;
  }
  const packArg = loadPackArg(io, run.pack);
  if (packArg === null) return EXIT_INPUT;
  const read = readInput(io, file, packArg);
  if (!read) return EXIT_INPUT;
  const { input, pack } = read;
  const { workshop, state } = asWorkshop(input, io.now());
  // An answers file is drawn from the same evaluation `stratum export` records (see asWorkshop); a workshop as the app draws it.
  const { evaluation } = evaluateWorkshop(pack, state);
  const layout = workshopStackLayout(workshop, state, evaluation, packFingerprint(pack.pack));
  const exported = exportDiagram(layout, format, { scale, background });
  if (!exported.ok) {
    io.stderr(`stratum: ${exported.message}`);
    return EXIT_INPUT;
  }
  const data = exported.value.data;
  if (toStdout) {
    if (typeof data === 'string') io.stdout(data);
    else io.stdoutBytes(data);
    return EXIT_OK;
  }

  let target = run.out;
  const at = kindOf(io, target);
  if (!at.ok) {
    io.stderr(`stratum: --out ${target}: ${at.message}`);
    return EXIT_INPUT;
  }
  if (at.kind === 'folder') target = path.join(target, exportFileName(workshop.title, 'stack', exported.value.extension));
  const existing = at.kind === 'folder' ? kindOf(io, target) : at;
  if (!existing.ok) {
    io.stderr(`stratum: --out ${target}: ${existing.message}`);
    return EXIT_INPUT;
  }
  if (existing.kind === 'folder' || existing.kind === 'other') {
    io.stderr(`stratum: --out ${target}: is ${existing.kind === 'folder' ? 'a folder' : 'not a regular file'}; allowed: a file path, an existing folder, or -`);
    return EXIT_INPUT;
  }
  if (existing.kind === 'file' && !force) {
    io.stderr(`stratum: --out ${target}: the file exists; nothing was written. Add --force to replace it, or choose another --out`);
    return EXIT_INPUT;
  }
  const parent = kindOf(io, path.dirname(target));
  if (parent.ok && parent.kind !== 'folder') {
    io.stderr(`stratum: --out ${target}: cannot write the file: ${parent.kind === 'missing' ? 'its folder does not exist' : 'its folder is not a folder'}`);
    return EXIT_INPUT;
  }
  const failed = writeOne(io, target, data);
  if (failed) {
    io.stderr(`stratum: ${failed}`);
    return EXIT_INPUT;
  }
  const size = typeof data === 'string' ? `${Buffer.byteLength(data)} bytes` : describePng(data, scale, background);
  io.stdout(`${existing.kind === 'file' ? 'Replaced' : 'Wrote'} ${target} (${format}, ${size})`);
  return EXIT_OK;
}

function describePng(png: Uint8Array, scale: number, background: Background): string {
  const size = pngSize(png);
  return `${size ? `${size.width}×${size.height} px, ` : ''}${scale}x, ${background} background, ${png.length} bytes`;
}
