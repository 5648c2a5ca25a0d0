// A room's choice counts only while its decision applies.
import { describe, expect, it } from 'vitest';
import { appliedChoice } from '../../../../shared/workshop';

describe('appliedChoice', () => {
  const choices = { deployment: { option: 'cloud', reason: 'Fewer teams to staff.' } };

  it('is the room’s choice while the decision applies, and none once it does not (the choice is set aside)', () => {
    expect(appliedChoice({ id: 'deployment', applicable: true }, choices)).toEqual({ option: 'cloud', reason: 'Fewer teams to staff.' });
    expect(appliedChoice({ id: 'deployment', applicable: false }, choices)).toBeUndefined();
    expect(appliedChoice({ id: 'deployment', applicable: true }, { deployment: 'hybrid' })).toBe('hybrid');
  });

  it('is none without a choice or without the decision in the evaluation', () => {
    expect(appliedChoice({ id: 'cloud-strategy', applicable: true }, choices)).toBeUndefined();
    expect(appliedChoice(undefined, choices)).toBeUndefined();
  });
});
