import { describe, expect, it } from 'vitest';
import { MAX_JSON_NESTING, describeFound, formatIssue, jsonNestingIssue } from '../../../../shared/engine';

/** An array nested `levels` deep (1 is `[]`), built without recursion. */
function nested(levels: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
}

describe('the nesting check every file and request goes through', () => {
  it('lets Stratum’s own depth through and refuses one level more, naming where it starts', () => {
    expect(jsonNestingIssue({ a: nested(MAX_JSON_NESTING - 1) })).toBeNull();
    const issue = jsonNestingIssue({ a: { b: nested(MAX_JSON_NESTING) } });
    expect(issue).not.toBeNull();
    expect(formatIssue(issue!, 'file.json')).toBe(
      `file.json: $.a.b[0][0][0][0]: nests arrays and objects more than ${MAX_JSON_NESTING} levels deep below this point; allowed: at most ${MAX_JSON_NESTING} levels (Stratum's own files need far fewer)`,
    );
  });

  it('finds the deep value at its own index in a wide or sparse list, and walks a list with a huge length but few entries', () => {
    const wide = Array.from({ length: 10_000 }, () => ({ ok: true })) as unknown[];
    wide[7_777] = nested(100_000);
    expect(jsonNestingIssue({ list: wide })?.path).toEqual(['list', 7_777, 0, 0, 0, 0]);
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    sparse[12] = { fine: [1, 2, 3] };
    expect(jsonNestingIssue({ sparse })).toBeNull();
    sparse[4_000_000_000] = nested(MAX_JSON_NESTING + 5);
    expect(jsonNestingIssue(sparse)?.path.slice(0, 2)).toEqual([4_000_000_000, 0]);
  });

  it('describes a value too deep to write out by what it is, without running out of stack', () => {
    expect(describeFound(nested(100_000))).toBe('an array');
    expect(describeFound({ a: nested(100_000) })).toBe('an object');
  });
});
