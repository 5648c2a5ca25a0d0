import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDate, formatRelative } from '../../../../renderer/components/format';

describe('dates on the workshop list', () => {
  it('writes a date as day, three-letter month and year, the same whatever locale data the browser carries', () => {
    expect(formatDate('2026-01-15')).toBe('15 Jan 2026');
    expect(formatDate('2026-09-01')).toBe('1 Sep 2026');
    expect(formatDate('2024-02-29')).toBe('29 Feb 2024');
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2299-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const ymd = date.toISOString().slice(0, 10);
        const [day, month, year] = formatDate(ymd).split(' ');
        expect([year, String(months.indexOf(month!) + 1).padStart(2, '0'), day!.padStart(2, '0')].join('-')).toBe(ymd);
      }),
    );
  });

  it('keeps a value that is not a date as it was typed', () => {
    expect(formatDate('next spring')).toBe('next spring');
    expect(formatRelative('not a time')).toBe('not a time');
  });

  it('says how long ago, as Intl says it with numeric "auto", and a date after a week', () => {
    const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    const now = new Date('2026-12-07T12:00:00Z');
    const before = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();
    expect(formatRelative(before(10), now)).toBe('just now');
    for (const [seconds, value, unit] of [
      [60, 1, 'minute'],
      [45 * 60, 45, 'minute'],
      [3600, 1, 'hour'],
      [5 * 3600, 5, 'hour'],
      [86400, 1, 'day'],
      [3 * 86400, 3, 'day'],
    ] as const) {
      expect(formatRelative(before(seconds), now)).toBe(rtf.format(-value, unit));
    }
    expect(formatRelative('2026-11-02T09:00:00Z', now)).toBe('2 Nov 2026');
  });
});
