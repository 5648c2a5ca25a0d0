// How sure a recommendation is: a tie shown as a tie, a lead that could move, a clear call.
import { describe, expect, it } from 'vitest';
import { CLEAR_MARGIN, TIE_MARGIN, TIE_ROBUSTNESS, backedOptions, confidenceOf, defaultPack, evaluate, type RankedOption } from '../../../../shared/engine';

function ranked(scores: Record<string, number>, excluded: string[] = []): RankedOption[] {
  return Object.entries(scores)
    .sort((a, b) => b[1] - a[1])
    .map(([option, score], i) => ({ option, label: option, rank: i + 1, score, excluded: excluded.includes(option), criteria: [], reasons: [], rationale: null }));
}

describe('confidenceOf', () => {
  it('calls a lead under the tie margin too close, naming every option within it, the recommendation first', () => {
    const c = confidenceOf(ranked({ cloud: 0.7, hybrid: 0.695, 'on-premises': 0.692, edge: 0.6 }), 'cloud', 0.005, 0.9)!;
    expect(c.level).toBe('too-close');
    expect(c.tied).toEqual(['cloud', 'hybrid', 'on-premises']);
    expect(c.why).toMatch(/less than 0\.010 apart \(a lead of 0\.005\)/);
  });

  it('calls it too close when under 60% of plausible weightings and answers keep it, whatever the lead, tied with the option that took its place', () => {
    const c = confidenceOf(ranked({ a: 0.7, b: 0.65, c: 0.6 }), 'a', 0.05, TIE_ROBUSTNESS - 0.01, 'c')!;
    expect(c).toMatchObject({ level: 'too-close', tied: ['a', 'c'] });
    expect(c.why).toBe('Another option takes its place in more than 40% of plausible weightings and answers to the open questions.');
    // Where no other option took its place, the decision stopped applying instead: not a tie.
    expect(confidenceOf(ranked({ a: 0.7, b: 0.65 }), 'a', 0.05, 0.5, null)).toMatchObject({ level: 'leaning', why: expect.stringMatching(/the decision does not apply at all/) });
  });

  it('is clear with a real lead that most weightings keep, and leaning otherwise', () => {
    expect(confidenceOf(ranked({ a: 0.7, b: 0.6 }), 'a', 0.1, 0.97)).toMatchObject({ level: 'clear', tied: [] });
    expect(confidenceOf(ranked({ a: 0.7, b: 0.68 }), 'a', CLEAR_MARGIN - 0.01, 0.97)).toMatchObject({ level: 'leaning', why: 'It leads by only 0.020.' });
    expect(confidenceOf(ranked({ a: 0.7, b: 0.6 }), 'a', 0.1, 0.7, 'b')).toMatchObject({ level: 'leaning', why: 'A shift in priorities or an answer to an open question could move it.' });
  });

  it('passes over excluded options, and is clear when only one option is left', () => {
    expect(confidenceOf(ranked({ a: 0.7, b: 0.699 }, ['b']), 'a', null, 1)).toMatchObject({ level: 'clear', why: 'It is the only option left.' });
    expect(confidenceOf(ranked({ a: 0.7 }), 'a', null, null)).toMatchObject({ level: 'clear', why: 'It is the only option left.' });
    expect(confidenceOf(ranked({ a: 0.7 }), null, null, null)).toBeNull();
    // The boundary: a lead of exactly the margin is not a tie.
    expect(confidenceOf(ranked({ a: 0.71, b: 0.7 }), 'a', TIE_MARGIN, 0.9)!.level).not.toBe('too-close');
  });
});

describe('backedOptions', () => {
  const tie = (tied: string[]) => ({ level: 'too-close' as const, tied, why: '' });

  it('backs each option of a tie, else the recommendation, and nothing without one or where the decision does not apply', () => {
    expect(backedOptions({ applicable: true, recommended: 'a', confidence: tie(['a', 'c']) })).toEqual(['a', 'c']);
    expect(backedOptions({ applicable: true, recommended: 'a', confidence: { level: 'leaning', tied: [], why: '' } })).toEqual(['a']);
    expect(backedOptions({ applicable: true, recommended: 'a', confidence: null })).toEqual(['a']);
    expect(backedOptions({ applicable: true, recommended: null, confidence: null })).toEqual([]);
    expect(backedOptions({ applicable: false, recommended: null, confidence: null })).toEqual([]);
    // A tie the recommendation is not in is another weighting's: the recommendation alone is backed.
    expect(backedOptions({ applicable: true, recommended: 'b', confidence: tie(['a', 'c']) })).toEqual(['b']);
  });
});

describe('confidence in the evaluation', () => {
  const pack = defaultPack();

  it('says how sure every recommendation is, and is null where there is none', () => {
    const e = evaluate(pack, { answers: { airGapped: true }, useCases: [{ id: 'u', name: 'Summaries', answers: { task: 'language-generation', usage: 'batch' } }] }, undefined, { robustness: { samples: 300 } });
    for (const d of [...e.decisions, ...e.useCases[0]!.decisions]) {
      if (d.recommended === null) expect(d.confidence, d.id).toBeNull();
      else expect(['clear', 'leaning', 'too-close'], d.id).toContain(d.confidence!.level);
      if (d.confidence?.level === 'too-close') expect(d.confidence.tied[0], d.id).toBe(d.recommended);
      if (d.confidence?.level === 'too-close' && d.margin! < TIE_MARGIN) expect(d.confidence.tied.length, d.id).toBeGreaterThanOrEqual(2);
    }
  });
});
