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
