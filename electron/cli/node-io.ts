import fs from 'node:fs';
import path from 'node:path';
import { htmlToPdfWithChromium } from '../export/pdf';
import type { CliIo } from './cli-io';

/** Writes through `.name.stratum-tmp-PID` beside the target and renames it over, removing the temp file on failure. */
function writeAtomically(target: string, data: string | Uint8Array): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.stratum-tmp-${process.pid}`);
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** The real process: files on disk, stdin, stdout and stderr, the clock, and Chromium for PDF. */
export function nodeIo(): CliIo {
  return {
    readFile: (p) => fs.readFileSync(p, 'utf8'),
    readBytes: (p) => new Uint8Array(fs.readFileSync(p)),
    readStdin: () => fs.readFileSync(0, 'utf8'),
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    stdoutBytes: (data) => process.stdout.write(data),
    stdoutIsTerminal: () => process.stdout.isTTY === true,
    pathKind: (p) => {
      const stat = fs.statSync(p, { throwIfNoEntry: false });
      if (!stat) return 'missing';
      return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'other';
    },
    listFolder: (p) => fs.readdirSync(p),
    makeFolder: (p) => void fs.mkdirSync(p, { recursive: true }),
    writeFile: writeAtomically,
    now: () => new Date(),
    printPdf: (html) => htmlToPdfWithChromium(html),
  };
}
