import type { CliIo, PathKind } from './cli-io';

/** A file-system error as words for a person (the Node error code decides). */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (choose a folder you can write to)';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full (nothing was half-written)';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** What is at a path, or a message when the path cannot even be looked at. */
export function kindOf(io: CliIo, path: string): { ok: true; kind: PathKind } | { ok: false; message: string } {
  try {
    return { ok: true, kind: io.pathKind(path) };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    // "a-file/x": nothing can be there.
    if (code === 'ENOTDIR') return { ok: true, kind: 'missing' };
    return { ok: false, message: describeFsError(error) };
  }
}

/** Writes one file (temp file + rename); a message naming the file when it cannot. */
export function writeOne(io: CliIo, path: string, data: string | Uint8Array): string | null {
  try {
    io.writeFile(path, data);
    return null;
  } catch (error) {
    return `${path}: cannot write the file: ${describeFsError(error)}`;
  }
}
