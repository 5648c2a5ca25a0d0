import type { ImportOutcome } from '../shared/contract';

/** What to tell the person after a workshop file was opened; null when it simply came in as a new workshop. */
export function importNotice(opened: ImportOutcome, title?: string): string | null {
  const it = title ? `“${title}”` : 'this workshop';
  switch (opened) {
    case 'existing':
      return `Opened ${it}: it was already here, unchanged.`;
    case 'restored':
      return `Opened ${it}: it was already here, unchanged, and is back from the archive.`;
    case 'copy':
      return title
        ? `This workshop was already here with other changes, so the file was opened as a copy: ${it}.`
        : 'This workshop was already here with other changes, so the file was opened as a copy.';
    case 'new':
      return null;
  }
}
