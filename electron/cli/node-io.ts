import { htmlToPdfWithChromium } from '../export/pdf';
import { nodeExportFs } from '../export/export-folder';
import { MAX_INPUT_FILE_BYTES, readStdinBounded } from '../storage/files';
import type { CliIo } from './cli-io';

/**
 * Text as it may reach a terminal: control characters taken out (escape sequences in a title could
 * otherwise retitle the window, move the cursor or hide text), and the bidirectional overrides that make
 * text read in another order than it is stored, keeping tabs, line ends and CRLF pairs. Nothing Stratum
 * writes itself uses them: JSON escapes the control characters, and XML and Markdown have no use for them.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\r(?!\n)/g, '');
}

const line = (text: string) => terminalSafe(text.endsWith('\n') ? text : `${text}\n`);

/** The real process: files on disk, stdin, stdout and stderr, the clock, and Chromium for PDF. */
export function nodeIo(): CliIo {
  return {
    ...nodeExportFs(),
    readStdin: () => readStdinBounded(MAX_INPUT_FILE_BYTES).toString('utf8'),
    stdout: (text) => process.stdout.write(line(text)),
    stderr: (text) => process.stderr.write(line(text)),
    stdoutBytes: (data) => process.stdout.write(data),
    stdoutIsTerminal: () => process.stdout.isTTY === true,
    now: () => new Date(),
    printPdf: (html) => htmlToPdfWithChromium(html),
  };
}
