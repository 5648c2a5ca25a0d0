import { describe, expect, it } from 'vitest';
import { decimalSeparator, parseNumberText } from '../../../../renderer/components/number-text';

const en = (text: string, fraction = false) => parseNumberText(text, { locale: 'en-US', fraction });
const de = (text: string, fraction = false) => parseNumberText(text, { locale: 'de-DE', fraction });

describe('numbers as people type them', () => {
  it('reads thousands separators of every common kind, whole', () => {
    for (const text of ['30,000,000', '30 000 000', '30\u202f000\u202f000', "30'000'000", '30_000_000', '30000000']) expect(en(text), text).toBe(30_000_000);
    expect(de('30.000.000')).toBe(30_000_000);
    expect(de('30,000,000')).toBe(30_000_000);
    expect(en('1,500,000.5')).toBe(1_500_000.5);
    expect(de('1.500.000,5')).toBe(1_500_000.5);
  });

  it('reads a decimal comma, and a lone group of three as the system writes numbers', () => {
    expect(en('0,55')).toBe(0.55);
    expect(de('0,55')).toBe(0.55);
    expect(de('0.55')).toBe(0.55);
    expect(en('1,500')).toBe(1500);
    expect(de('1,500')).toBe(1.5);
    expect(de('1.500')).toBe(1500);
    expect(decimalSeparator('de-DE')).toBe(',');
    expect(decimalSeparator('en-GB')).toBe('.');
  });

  it('reads a scale and, where a fraction is asked, a percentage', () => {
    expect(en('30k')).toBe(30_000);
    expect(en('1.5M')).toBe(1_500_000);
    expect(en('2bn')).toBe(2_000_000_000);
    expect(de('2,5 Mio'.replace(' Mio', 'M'))).toBe(2_500_000);
    expect(en('55%', true)).toBe(0.55);
    expect(en('12.5 %', true)).toBe(0.125);
    expect(en('55%')).toBeNaN();
  });

  it('refuses anything it would have to guess at, rather than read part of it', () => {
    for (const text of ['', 'thirty', '30,0000', '1,50,000', '5ms', '1.2.3', '12abc', '--5', 'k', '%', '1e3k', '1.5e1%', '1e-400']) expect(en(text, true), text).toBeNaN();
    expect(en('0')).toBe(0);
    expect(en('0.000')).toBe(0);
  });
});
