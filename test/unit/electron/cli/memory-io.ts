// An in-memory CliIo for running the CLI in tests without a process or a disk.
import type { CliIo } from '../../../../electron/cli/cli-io';

export interface MemoryIo extends CliIo {
  out: string[];
  err: string[];
}

export function memoryIo(files: Record<string, string>, stdin = ''): MemoryIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    readFile(path) {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return text;
    },
    readStdin: () => stdin,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  };
}
