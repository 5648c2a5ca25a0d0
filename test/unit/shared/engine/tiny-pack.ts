// A small pack whose numbers are easy to check by hand, for exact tests of scoring and flip points.
export function tinyPackJson(): Record<string, unknown> {
  return {
    format: 'stratum.pack',
    version: 1,
    id: 'tiny',
    title: 'Tiny test pack',
    packVersion: '0.1.0',
    description: 'Two criteria, two decisions, a few rules.',
    considerations: [
      { id: 'sensitivity', label: 'Sensitivity' },
      { id: 'scale', label: 'Scale' },
    ],
    factors: [
      { id: 'sensitivity', type: 'enum', values: ['low', 'high'], prompt: 'How sensitive?', help: 'Why it matters.' },
      { id: 'users', type: 'number', min: 0, integer: true, prompt: 'How many users?', help: 'Why it matters.' },
      { id: 'legacy', type: 'boolean', prompt: 'Legacy estate?', help: 'Why it matters.' },
    ],
    criteria: [
      { id: 'cost', label: 'Cost', description: 'Money.', defaultWeight: 1 },
      { id: 'control', label: 'Control', description: 'Control.', defaultWeight: 1 },
    ],
    decisions: [
      tinyDecision('where', 'Where', 'Where to run?', { A: { cost: 0.8, control: 0.2 }, B: { cost: 0.4, control: 0.6 }, C: { cost: 0.1, control: 0.9 } }),
      tinyDecision('how', 'How', 'How to run?', { X: { cost: 0.5, control: 0.5 }, Y: { cost: 0.5, control: 0.4 } }),
    ],
    rules: [
      {
        id: 'sensitive-needs-control',
        consideration: 'sensitivity',
        rationale: 'Sensitivity: sensitive data needs control.',
        when: { factor: 'sensitivity', op: 'eq', value: 'high' },
        effects: [
          { type: 'adjust', decision: 'where', option: 'c', criterion: 'control', by: 0.3 },
          { type: 'adjust', decision: 'where', option: 'a', criterion: 'control', by: -0.5 },
          { type: 'risk', decision: 'where', option: 'a', severity: 'high', message: 'A with sensitive data.', action: 'Add controls.' },
        ],
      },
      {
        id: 'many-users-exclude-c',
        consideration: 'scale',
        rationale: 'Scale: C does not scale past 1000 users.',
        when: { all: [{ factor: 'users', op: 'gt', value: 1000 }, { not: { factor: 'legacy', op: 'eq', value: true } }] },
        effects: [{ type: 'exclude', decision: 'where', option: 'c', reason: 'C does not scale past 1000 users.' }],
      },
      {
        id: 'how-not-needed-for-c',
        consideration: 'scale',
        rationale: 'Scale: with C there is nothing to decide about how.',
        when: { decision: 'where', op: 'eq', value: 'c' },
        effects: [{ type: 'not-applicable', decision: 'how', reason: 'C decides it already.' }],
      },
    ],
    expectations: {
      monotonic: [{ id: 'sensitivity-never-favours-a', raising: 'sensitivity', decision: 'where', neverFavours: 'a', over: 'c', rationale: 'More sensitive data never favours A.' }],
    },
  };
}

/**
 * A decision for a tiny pack, its options by label with their baselines on the two criteria: option "A" has the id
 * "a" and the description "Option A.", and no pros or cons.
 */
export function tinyDecision(id: string, title: string, question: string, options: Record<string, { cost: number; control: number }>): Record<string, unknown> {
  return {
    id,
    title,
    question,
    options: Object.entries(options).map(([label, baseline]) => ({ id: label.toLowerCase(), label, description: `Option ${label}.`, pros: [], cons: [], baseline })),
  };
}
