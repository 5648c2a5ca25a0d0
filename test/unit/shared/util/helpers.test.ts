import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPack, packFingerprint } from '../../../../shared/engine';
import { canonicalJson, closestId, formatJsonPath, percent, sha256Hex } from '../../../../shared/util';
import { createRandom } from '../../../../shared/util/prng';

describe('sha256Hex', () => {
  it('matches Node’s SHA-256 on any text, including non-ASCII', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 200 },
    );
    const long = 'é'.repeat(1000);
    expect(sha256Hex(long)).toBe(createHash('sha256').update(long, 'utf8').digest('hex'));
  });
});

describe('canonicalJson and packFingerprint', () => {
  it('sorts keys so formatting and key order do not change the hash', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: 2 }] })).toBe('{"a":[true,null,{"c":2,"d":"x"}],"b":1}');
    const pack = defaultPack().pack;
    const reordered = JSON.parse(JSON.stringify(pack, Object.keys(pack).reverse()));
    expect(packFingerprint(pack)).toMatch(/^[0-9a-f]{64}$/);
    expect(packFingerprint({ ...reordered, ...pack })).toBe(packFingerprint(pack));
  });
});

describe('closestId', () => {
  it('suggests near misses only', () => {
    expect(closestId('dataSensitivty', ['dataResidency', 'dataSensitivity'])).toBe('dataSensitivity');
    expect(closestId('DATA_SENSITIVITY', ['dataSensitivity'])).toBe('dataSensitivity');
    expect(closestId('in-contry', ['none', 'in-country'])).toBe('in-country');
    expect(closestId('banana', ['cost', 'control'])).toBeUndefined();
  });
});

describe('formatJsonPath', () => {
  it('writes paths as people read them', () => {
    expect(formatJsonPath([])).toBe('$');
    expect(formatJsonPath(['rules', 3, 'when', 'all', 0, 'factor'])).toBe('$.rules[3].when.all[0].factor');
    expect(formatJsonPath(['answers', 'odd key'])).toBe('$.answers["odd key"]');
  });
});

describe('createRandom', () => {
  it('is seeded: the same seed gives the same sequence', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('percent', () => {
  it('says a share to the whole percent, as every screen and export prints it', () => {
    expect(percent(0.874)).toBe('87%');
    expect(percent(0.875)).toBe('88%');
    expect(percent(1)).toBe('100%');
    expect(percent(0)).toBe('0%');
  });
});
