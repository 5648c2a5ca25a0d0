// Every class of answers-file error: format, version, shape, unknown ids (with the closest id), domains, weights.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_ASSUMPTIONS } from '../../../../shared/cost';
import { defaultPack, formatIssue, parseAnswersFile } from '../../../../shared/engine';

const pack = defaultPack();

function lines(file: unknown): string[] {
  const result = parseAnswersFile(file, pack);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.issues.map((i) => formatIssue(i, 'answers.json'));
}

const base = { format: 'stratum.answers', version: 1, answers: {} };

describe('parseAnswersFile', () => {
  it('accepts a complete file and fills in defaults', () => {
    const result = parseAnswersFile(
      {
        ...base,
        title: 'Bank',
        answers: { dataSensitivity: 'regulated', latencyP95Ms: 40, regulatoryGeoDistribution: false, businessUnits: 3, mlExpertise: null },
        weights: { cost: 3, control: 5 },
        stakeholders: [{ name: 'A. Chen', role: 'CISO', weights: { control: 5, cost: 2 } }],
      },
      pack,
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.stakeholders).toEqual([{ name: 'A. Chen', role: 'CISO', weights: { control: 5, cost: 2 } }]);
      expect(result.value.answers.mlExpertise).toBeNull();
    }
    const minimal = parseAnswersFile(base, pack);
    expect(minimal.ok && minimal.value.weights).toEqual({});
  });

  it('refuses unknown answer ids with the closest known id', () => {
    const [line] = lines({ ...base, answers: { dataSensitivty: 'regulated' } });
    expect(line).toMatch(/^answers\.json: \$\.answers\.dataSensitivty: unknown answer id; found: "dataSensitivty"; allowed: one of dataSensitivity, .*; did you mean "dataSensitivity"\?$/);
  });

  it('refuses values outside a factor’s domain, naming the domain', () => {
    expect(lines({ ...base, answers: { dataResidency: 'in-contry' } })).toEqual([
      'answers.json: $.answers.dataResidency: value not allowed for "dataResidency"; found: "in-contry"; allowed: one of none, regional, in-country, sovereign (or null for unknown); did you mean "in-country"?',
    ]);
    expect(lines({ ...base, answers: { latencyP95Ms: 0 } })).toEqual([
      'answers.json: $.answers.latencyP95Ms: value not allowed for "latencyP95Ms"; found: 0; allowed: a number greater than 0 (or null for unknown)',
    ]);
    expect(lines({ ...base, answers: { sustainedGpuUtilization: 1.5 } })[0]).toMatch(/allowed: a number at least 0 and at most 1/);
    expect(lines({ ...base, answers: { businessUnits: 2.5 } })[0]).toMatch(/allowed: a whole number at least 1/);
  });

  it('refuses type mismatches', () => {
    expect(lines({ ...base, answers: { latencyP95Ms: '40' } })[0]).toMatch(/\$\.answers\.latencyP95Ms: value not allowed for "latencyP95Ms"; found: "40"; allowed: a number greater than 0/);
    expect(lines({ ...base, answers: { regulatoryGeoDistribution: 'yes' } })[0]).toMatch(/found: "yes"; allowed: true or false/);
    expect(lines({ ...base, answers: { dataSensitivity: ['public'] } })[0]).toMatch(/^answers\.json: \$\.answers\.dataSensitivity: /);
  });

  it('refuses weights outside 0..5 and unknown criteria', () => {
    expect(lines({ ...base, weights: { cost: 7 } })).toEqual(['answers.json: $.weights.cost: out of range; found: 7; allowed: a number at most 5']);
    expect(lines({ ...base, weights: { cost: -1 } })).toEqual(['answers.json: $.weights.cost: out of range; found: -1; allowed: a number at least 0']);
    expect(lines({ ...base, weights: { contrl: 2 } })).toEqual([
      'answers.json: $.weights.contrl: unknown criterion; found: "contrl"; allowed: one of cost, control, compliance, agility, performance, operability, flexibility; did you mean "control"?',
    ]);
  });

  it('refuses bad stakeholders: missing name, duplicate name, unknown criterion, unknown field', () => {
    expect(lines({ ...base, stakeholders: [{ weights: {} }] })).toEqual(['answers.json: $.stakeholders[0].name: required field is missing; found: nothing; allowed: text']);
    expect(lines({ ...base, stakeholders: [{ name: 'A', weights: {} }, { name: 'A', weights: {} }] })).toEqual([
      'answers.json: $.stakeholders[1].name: duplicate stakeholder name (first used at index 0); found: "A"; allowed: a name not used by another stakeholder',
    ]);
    expect(lines({ ...base, stakeholders: [{ name: 'A', weights: { speed: 3 } }] })[0]).toMatch(/\$\.stakeholders\[0\]\.weights\.speed: unknown criterion/);
    expect(lines({ ...base, stakeholders: [{ name: 'A', weights: {}, team: 'x' }] })[0]).toMatch(/\$\.stakeholders\[0\]\.team: unknown field; found: "team"; allowed: one of name, role, weights/);
  });

  it('refuses other formats and newer versions with a message saying what this build reads', () => {
    expect(lines({ ...base, format: 'stratum.pack' })).toEqual([
      'answers.json: $.format: this is not a Stratum answers file (this is a rule pack: pass it with --pack); found: "stratum.pack"; allowed: "stratum.answers"',
    ]);
    expect(lines({ ...base, version: 2 })).toEqual([
      'answers.json: $.version: this file is stratum.answers version 2, newer than this build of Stratum reads; update Stratum; found: 2; allowed: 1',
    ]);
    expect(lines({ ...base, version: 0 })[0]).toMatch(/\$\.version: value not allowed; found: 0; allowed: one of 1/);
    expect(lines('hello')).toEqual(['answers.json: $: an answers file must be a JSON object; found: "hello"; allowed: an object with "format": "stratum.answers"']);
    expect(lines({ format: 'stratum.answers', version: 1 })).toEqual(['answers.json: $.answers: required field is missing; found: nothing; allowed: an object']);
  });

  it('reports shape and pack problems together', () => {
    expect(lines({ ...base, answers: { dataSensitivty: 'x' }, weights: { cost: 9 } }).map((l) => l.split(':')[1]!.trim())).toEqual(['$.weights.cost', '$.answers.dataSensitivty']);
  });
});

describe('costAssumptions in the answers file', () => {
  it('is optional: missing fields take the defaults', () => {
    const none = parseAnswersFile(base, pack);
    expect(none.ok && none.value.costAssumptions).toEqual(DEFAULT_COST_ASSUMPTIONS);
    const some = parseAnswersFile({ ...base, costAssumptions: { cloudHourlyPrice: 9.5, monthlyBudget: 80_000 } }, pack);
    expect(some.ok && some.value.costAssumptions).toEqual({ ...DEFAULT_COST_ASSUMPTIONS, cloudHourlyPrice: 9.5, monthlyBudget: 80_000 });
  });

  it('refuses out-of-range values, wrong types and unknown fields, naming costAssumptions.<field>', () => {
    expect(lines({ ...base, costAssumptions: { spotDiscount: 1.2 } })).toEqual([
      'answers.json: $.costAssumptions.spotDiscount: value not allowed for "spotDiscount"; found: 1.2; allowed: a number between 0.6 and 0.9 (fraction off the on-demand price)',
    ]);
    expect(lines({ ...base, costAssumptions: { cloudHourlyPrice: -1, amortizationMonths: '36' } })).toEqual([
      'answers.json: $.costAssumptions.amortizationMonths: value not allowed for "amortizationMonths"; found: "36"; allowed: a whole number between 1 and 120 (months)',
      'answers.json: $.costAssumptions.cloudHourlyPrice: value not allowed for "cloudHourlyPrice"; found: -1; allowed: a number between 0 and 1,000 (USD per accelerator-hour)',
    ]);
    expect(lines({ ...base, costAssumptions: { cloudHourlyPrise: 3 } })[0]).toMatch(
      /^answers\.json: \$\.costAssumptions\.cloudHourlyPrise: not a cost assumption; found: "cloudHourlyPrise"; allowed: one of acceleratorPurchasePrice, .*; did you mean "cloudHourlyPrice"\?$/,
    );
    expect(lines({ ...base, costAssumptions: 5 })).toEqual([
      'answers.json: $.costAssumptions: cost assumptions must be an object; found: 5; allowed: an object with some of acceleratorPurchasePrice, amortizationMonths, onPremisesOverheadRatio, cloudHourlyPrice, spotDiscount, inferenceRequestsPerAcceleratorHour, egressPricePerGb, pilotToProductionScale, monthlyBudget',
    ]);
  });
});
