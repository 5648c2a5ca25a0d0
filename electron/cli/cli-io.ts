/** Everything the CLI touches outside itself, so tests can run it without a process or a disk. */
export interface CliIo {
  /** Reads a file as UTF-8; throws a Node-style error (with `code`) when it cannot. */
  readFile(path: string): string;
  /** Reads all of standard input as UTF-8. */
  readStdin(): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes: 0 success, 1 a bug in Stratum, 2 a problem with the input or the command line. */
export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_INPUT = 2;
