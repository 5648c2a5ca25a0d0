import type { PdfResult } from '../export/pdf';

/** What is at a path. */
export type PathKind = 'file' | 'folder' | 'other' | 'missing';

/** Everything the CLI touches outside itself, so tests can run it without a process or a disk. */
export interface CliIo {
  /** Reads a file as UTF-8; throws a Node-style error (with `code`) when it cannot. */
  readFile(path: string): string;
  /** Reads a file's bytes; throws a Node-style error (with `code`) when it cannot. */
  readBytes(path: string): Uint8Array;
  /** Reads all of standard input as UTF-8. */
  readStdin(): string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Writes bytes to standard output as they are (a PNG to a pipe). */
  stdoutBytes(data: Uint8Array): void;
  /** True when standard output is a terminal (binary output is refused there). */
  stdoutIsTerminal(): boolean;
  /** What is at a path; throws a Node-style error only when the path cannot be looked at. */
  pathKind(path: string): PathKind;
  /** The names in a folder; throws a Node-style error when it cannot be read. */
  listFolder(path: string): string[];
  /** Creates a folder and its parents (nothing when it exists); throws a Node-style error when it cannot. */
  makeFolder(path: string): void;
  /** Writes a file through a temporary file in the same folder and a rename, so it is never half-written. */
  writeFile(path: string, data: string | Uint8Array): void;
  /** The clock (export dates, the date of a workshop made from an answers file). */
  now(): Date;
  /** Prints a self-contained HTML page to PDF (headless Chromium). */
  printPdf(html: string): Promise<PdfResult>;
}

/** Exit codes: 0 success, 1 a bug in Stratum, 2 a problem with the input or the command line. */
export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_INPUT = 2;
