import fs from 'node:fs';
import type { CliIo } from './cli-io';

/** The real process: files on disk, stdin, stdout and stderr. */
export function nodeIo(): CliIo {
  return {
    readFile: (path) => fs.readFileSync(path, 'utf8'),
    readStdin: () => fs.readFileSync(0, 'utf8'),
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}
