import type { ExportFs } from '../export/export-folder';
import type { PdfResult } from '../export/pdf';

export type { PathKind } from '../export/export-folder';

/** Everything the CLI touches outside itself, so tests can run it without a process or a disk. */
export interface CliIo extends ExportFs {
  /** Reads all of standard input as UTF-8. */
  readStdin(): string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Writes bytes to standard output as they are (a PNG to a pipe). */
  stdoutBytes(data: Uint8Array): void;
  /** True when standard output is a terminal (binary output is refused there). */
  stdoutIsTerminal(): boolean;
  /** The clock (export dates, the date of a workshop made from an answers file). */
  now(): Date;
  /** Prints a self-contained HTML page to PDF (headless Chromium). */
  printPdf(html: string): Promise<PdfResult>;
}

/** Exit codes: 0 success, 1 a bug in Stratum, 2 a problem with the input or the command line. */
export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_INPUT = 2;

/**
 * A subcommand's parsed arguments, or the exit code when there is nothing to run: a command-line mistake is
 * said with a pointer to `stratum <command> --help` (exit 2), and `--help` prints the command's help (exit 0).
 */
export function argsToRun<T extends { kind: string }>(
  io: CliIo,
  command: string,
  help: string,
  parsed: { ok: true; value: T | { kind: 'help' } } | { ok: false; message: string },
): Exclude<T, { kind: 'help' }> | number {
  if (!parsed.ok) {
    io.stderr(`stratum: ${parsed.message}`);
    io.stderr(`Run \`stratum ${command} --help\` for usage.`);
    return EXIT_INPUT;
  }
  if (parsed.value.kind === 'help') {
    io.stdout(help);
    return EXIT_OK;
  }
  return parsed.value as Exclude<T, { kind: 'help' }>;
}
