// RFC 4180: every field quoted, quotes doubled, records ended by CRLF.

/** One CSV field, quoted; a leading =, +, -, @ or control character gets a "'" so spreadsheets do not run it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** CSV text: a header row and the rows, every record ended by CRLF. */
export function csvText(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
