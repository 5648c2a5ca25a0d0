import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_MAX_CHARS } from '../../shared/contract';

/**
 * Every file Stratum reads from people's folders (workshop and answers files, rule packs, records folders,
 * earlier exports) goes through here: only a regular file is read, never more than a limit, and nothing
 * waits on a named pipe or reads a device without end. Every file it writes into people's folders goes
 * through `writeFileAtomic`. The app (main process and browser-mode host) and the CLI share these.
 */

/** A UTF-8 file of more bytes than this cannot hold IMPORT_MAX_CHARS characters or fewer. */
export const MAX_WORKSHOP_FILE_BYTES = IMPORT_MAX_CHARS * 4;

/** The most any JSON input (an answers file, a workshop file, a rule pack) or a decision record may hold. */
export const MAX_INPUT_FILE_BYTES = MAX_WORKSHOP_FILE_BYTES;

/** The most an earlier export (a PDF, a PNG) compared before it is replaced may hold. */
export const MAX_EXPORT_FILE_BYTES = 64 * 1024 * 1024;

export type BoundedBytes = { kind: 'bytes'; bytes: Buffer } | { kind: 'not-a-file' } | { kind: 'too-large'; bytes: number };
export type BoundedRead = { kind: 'text'; text: string } | { kind: 'not-a-file' } | { kind: 'too-large'; bytes: number };

/**
 * Reads a file, at most `maxBytes`. Only a regular file is read (a symbolic link is followed to what it
 * names): a folder, a named pipe or a device is refused without waiting on it (the open does not block,
 * and what was opened is checked again), and a file that grows past the limit while it is read is refused too.
 * Throws Node's file-system errors (ENOENT, EACCES, …).
 */
export function readBytesBounded(file: string, maxBytes: number): BoundedBytes {
  if (!fs.statSync(file).isFile()) return { kind: 'not-a-file' };
  // POSIX flags (undefined, so 0, on Windows, where opening a pipe does not block): never wait on a pipe,
  // never make a terminal this process's controlling one, should the file be swapped after the check.
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { kind: 'not-a-file' };
    if (stat.size > maxBytes) return { kind: 'too-large', bytes: stat.size };
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      // What the size said plus some room (the file may grow), never past one byte over the limit.
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stat.size - length, 0) + 65_536, maxBytes + 1 - length, 1 << 20));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
      if (length > maxBytes) return { kind: 'too-large', bytes: length };
    }
    return { kind: 'bytes', bytes: Buffer.concat(chunks, length) };
  } finally {
    fs.closeSync(fd);
  }
}

/** `readBytesBounded` as UTF-8 text. */
export function readFileBounded(file: string, maxBytes: number): BoundedRead {
  const read = readBytesBounded(file, maxBytes);
  return read.kind === 'bytes' ? { kind: 'text', text: read.bytes.toString('utf8') } : read;
}

/** An error with a Node-style `code`, for callers that take file-system errors by their code. */
export class FileRefusedError extends Error {
  constructor(
    readonly code: 'ENOTREGULAR' | 'ETOOLARGE',
    message: string,
  ) {
    super(message);
    this.name = 'FileRefusedError';
  }
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

/** The words for a refused read, as the rest of a message after the file's name. */
export function describeRefusedRead(read: { kind: 'not-a-file' } | { kind: 'too-large'; bytes: number }, maxBytes: number): string {
  return read.kind === 'not-a-file'
    ? 'is not a regular file (a folder, a named pipe or a device), so Stratum does not read it'
    : `is larger than ${megabytes(maxBytes)} (${megabytes(read.bytes)} or more), more than any file Stratum reads`;
}

/** `readBytesBounded` that throws a `FileRefusedError` (ENOTREGULAR, ETOOLARGE) instead of returning a refusal. */
export function readBytesOrThrow(file: string, maxBytes: number): Buffer {
  const read = readBytesBounded(file, maxBytes);
  if (read.kind === 'bytes') return read.bytes;
  throw new FileRefusedError(read.kind === 'not-a-file' ? 'ENOTREGULAR' : 'ETOOLARGE', describeRefusedRead(read, maxBytes));
}

/**
 * Reads standard input to its end, at most `maxBytes` (a `FileRefusedError` ETOOLARGE past that). Waits
 * for input as a terminal or a pipe gives it; a non-blocking descriptor is waited on in short naps.
 */
export function readStdinBounded(maxBytes: number, fd = 0): Buffer {
  const chunks: Buffer[] = [];
  let length = 0;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(65_536, maxBytes + 1 - length));
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(nap, 0, 0, 20);
        continue;
      }
      if (code === 'EOF') break; // Windows: the other end of the pipe closed
      throw err;
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    length += n;
    if (length > maxBytes) throw new FileRefusedError('ETOOLARGE', `is larger than ${megabytes(maxBytes)}, more than any file Stratum reads`);
  }
  return Buffer.concat(chunks, length);
}

/**
 * Writes a file in a folder people own (records, exports) so it is never half-written and never written
 * anywhere else: the data goes to a new file with a random name beside the target, created exclusively
 * (so a file or a symbolic link planted under that name makes the write fail instead of being followed),
 * flushed to disk, then renamed over the target (which replaces a link at the target instead of writing
 * through it). The temporary file is removed when anything fails.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(8).toString('hex')}.stratum-tmp`);
  const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o666);
  try {
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
