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

const base = { format: 'stratum.answers', version: 2, answers: {} };
/** A file with one use case answering `answers`. */
const withUseCase = (answers: Record<string, unknown>) => ({ ...base, useCases: [{ name: 'Fraud scoring', answers }] });

describe('parseAnswersFile', () => {
  it('accepts a complete file and fills in defaults', () => {
    const result = parseAnswersFile(
      {
        ...base,
        title: 'Bank',
        answers: { regulatoryGeoDistribution: false, businessUnits: 3, mlExpertise: null },
        useCases: [{ name: 'Fraud scoring', answers: { dataSensitivity: 'regulated', latencyP95Ms: 40 } }, { id: 'kyc', name: 'KYC checks', answers: {} }],
        weights: { cost: 3, control: 5 },
        stakeholders: [{ name: 'A. Chen', role: 'CISO', weights: { control: 5, cost: 2 } }],
      },
      pack,
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.stakeholders).toEqual([{ name: 'A. Chen', role: 'CISO', weights: { control: 5, cost: 2 } }]);
      expect(result.value.answers.mlExpertise).toBeNull();
      // A use case without an id is named by its position.
      expect(result.value.useCases.map((u) => u.id)).toEqual(['use-case-1', 'kyc']);
    }
    const minimal = parseAnswersFile(base, pack);
    expect(minimal.ok && minimal.value.weights).toEqual({});
  });

  it('refuses unknown answer ids with the closest known id', () => {
    const [line] = lines(withUseCase({ dataSensitivty: 'regulated' }));
    expect(line).toMatch(/^answers\.json: \$\.useCases\[0\]\.answers\.dataSensitivty: unknown answer id; found: "dataSensitivty"; allowed: one of task, .*; did you mean "dataSensitivity"\?$/);
  });

  it('says where an answer belongs when it is given at the wrong level', () => {
    expect(lines({ ...base, answers: { dataSensitivity: 'regulated' } })[0]).toMatch(
      /^answers\.json: \$\.answers\.dataSensitivity: asked of each use case: put it in a use case's answers \(useCases\[\]\.answers\); found: "dataSensitivity"/,
    );
    expect(lines(withUseCase({ opsExpertise: 'high' }))[0]).toMatch(/\$\.useCases\[0\]\.answers\.opsExpertise: asked once for the organisation: put it in the top-level answers/);
    expect(lines({ ...base, answers: { roadmapDataSensitivity: 'regulated' } })[0]).toMatch(/computed from the use cases, not answered/);
  });

  it('suggests the closest id at the other level, and says where it belongs, when none at this level is close', () => {
    expect(lines({ ...base, answers: { dataSensitivty: 'regulated' } })).toEqual([
      expect.stringMatching(/^answers\.json: \$\.answers\.dataSensitivty: unknown answer id; the closest, "dataSensitivity", is asked of each use case \(useCases\[\]\.answers\); .*did you mean "dataSensitivity"\?$/),
    ]);
    expect(lines(withUseCase({ opsExpertice: 'high' }))).toEqual([expect.stringMatching(/the closest, "opsExpertise", is asked once for the organisation \(the top-level answers\); .*did you mean "opsExpertise"\?$/)]);
  });

  it('refuses more than 30 use cases, use cases without a name, and two with the same id', () => {
    expect(lines({ ...base, useCases: Array.from({ length: 31 }, (_, i) => ({ name: `U${i}`, answers: {} })) })[0]).toMatch(/\$\.useCases: /);
    expect(lines({ ...base, useCases: [{ answers: {} }] })[0]).toMatch(/\$\.useCases\[0\]\.name: required field is missing/);
    expect(lines({ ...base, useCases: [{ id: 'a', name: 'A', answers: {} }, { id: 'a', name: 'B', answers: {} }] })).toEqual([
      'answers.json: $.useCases[1].id: duplicate use case id (first used at index 0); found: "a"; allowed: an id not used by another use case',
    ]);
  });

  it('refuses values outside a factor’s domain, naming the domain', () => {
    expect(lines(withUseCase({ dataResidency: 'in-contry' }))).toEqual([
      'answers.json: $.useCases[0].answers.dataResidency: value not allowed for "dataResidency"; found: "in-contry"; allowed: one of none, regional, in-country, sovereign (or null for unknown); did you mean "in-country"?',
    ]);
    expect(lines(withUseCase({ latencyP95Ms: 0 }))).toEqual([
      'answers.json: $.useCases[0].answers.latencyP95Ms: value not allowed for "latencyP95Ms"; found: 0; allowed: a number greater than 0 (or null for unknown)',
    ]);
    expect(lines({ ...base, answers: { sustainedGpuUtilization: 1.5 } })[0]).toMatch(/allowed: a number at least 0 and at most 1/);
    expect(lines({ ...base, answers: { businessUnits: 2.5 } })[0]).toMatch(/allowed: a whole number at least 1/);
  });

  it('refuses type mismatches', () => {
    expect(lines(withUseCase({ latencyP95Ms: '40' }))[0]).toMatch(/\$\.useCases\[0\]\.answers\.latencyP95Ms: value not allowed for "latencyP95Ms"; found: "40"; allowed: a number greater than 0/);
    expect(lines({ ...base, answers: { regulatoryGeoDistribution: 'yes' } })[0]).toMatch(/found: "yes"; allowed: true or false/);
    expect(lines(withUseCase({ dataSensitivity: ['public'] }))[0]).toMatch(/^answers\.json: \$\.useCases\[0\]\.answers\.dataSensitivity: /);
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
    expect(lines({ ...base, version: 3 })).toEqual([
      'answers.json: $.version: this file is stratum.answers version 3, newer than this build of Stratum reads; update Stratum; found: 3; allowed: 1 or 2',
    ]);
    expect(lines({ ...base, version: 0 })[0]).toMatch(/\$\.version: value not allowed; found: 0; allowed: one of 1, 2/);
    expect(lines('hello')).toEqual(['answers.json: $: an answers file must be a JSON object; found: "hello"; allowed: an object with "format": "stratum.answers"']);
    expect(lines({ format: 'stratum.answers', version: 2 })).toEqual(['answers.json: $.answers: required field is missing; found: nothing; allowed: an object']);
  });

  it('reports shape and pack problems together', () => {
    expect(lines({ ...base, answers: { opsExpertse: 'x' }, weights: { cost: 9 } }).map((l) => l.split(':')[1]!.trim())).toEqual(['$.weights.cost', '$.answers.opsExpertse']);
  });
});

describe('version 1 answers files', () => {
  const v1 = { format: 'stratum.answers', version: 1 };

  it('are read as one use case named for the file, with production at 10× the volume given, or the file’s own scale', () => {
    const read = parseAnswersFile({ ...v1, title: 'Bank', answers: { dataSensitivity: 'regulated', monthlyInferenceRequests: 1000, interactiveUseCases: 'none', dataFreshness: 'daily', opsExpertise: 'high' }, costAssumptions: { pilotToProductionScale: 4 } }, pack);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.version).toBe(2);
    expect(read.value.answers).toEqual({ opsExpertise: 'high' });
    expect(read.value.useCases).toEqual([
      expect.objectContaining({ id: 'use-case-1', name: 'Bank: all AI use cases', answers: { dataSensitivity: 'regulated', requestsPerMonthNow: 1000, requestsPerMonthInProduction: 4000, usage: 'batch' } }),
    ]);
    expect(read.value.costAssumptions).toEqual(DEFAULT_COST_ASSUMPTIONS);
  });

  it('report problems where the version 1 file has them', () => {
    expect(lines({ ...v1, answers: { dataResidency: 'in-contry' } })[0]).toMatch(/^answers\.json: \$\.answers\.dataResidency: value not allowed/);
    // Once, in the file's own words, though the volume became two answers (now and in production).
    expect(lines({ ...v1, answers: { monthlyInferenceRequests: -5 } })).toEqual([
      'answers.json: $.answers.monthlyInferenceRequests: value not allowed for "monthlyInferenceRequests"; found: -5; allowed: a number at least 0 (or null for unknown)',
    ]);
  });

  it('refuse a value version 1 did not allow in a question version 2 no longer asks, rather than drop it', () => {
    expect(lines({ ...v1, answers: { interactiveUseCases: 'all', dataFreshness: 'monthly' } })).toEqual([
      expect.stringMatching(/^answers\.json: \$\.answers\.interactiveUseCases: value not allowed for "interactiveUseCases"; found: "all"; allowed: one of none, some, most \(or null for unknown\)/),
      expect.stringMatching(/^answers\.json: \$\.answers\.dataFreshness: value not allowed for "dataFreshness"; found: "monthly"; allowed: one of real-time, hourly, daily, weekly \(or null for unknown\)/),
    ]);
    expect(parseAnswersFile({ ...v1, answers: { interactiveUseCases: null, dataFreshness: 'hourly' } }, pack).ok).toBe(true);
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
    expect(lines({ ...base, costAssumptions: 5 })[0]).toMatch(/^answers\.json: \$\.costAssumptions: cost assumptions must be an object; found: 5; allowed: an object with some of acceleratorPurchasePrice, .*, monthlyBudget, usdExchangeRate, currency$/);
    // An amount is checked in the file's currency; the currency is one the model counts in.
    expect(parseAnswersFile({ ...base, costAssumptions: { currency: 'JPY', cloudHourlyPrice: 900 } }, pack).ok).toBe(true);
    expect(lines({ ...base, costAssumptions: { currency: 'JPY', cloudHourlyPrice: -1 } })).toEqual([
      'answers.json: $.costAssumptions.cloudHourlyPrice: value not allowed for "cloudHourlyPrice"; found: -1; allowed: a number between 0 and 155,000 (JPY per accelerator-hour)',
    ]);
    expect(lines({ ...base, costAssumptions: { currency: 'usd' } })).toEqual(['answers.json: $.costAssumptions.currency: value not allowed for "currency"; found: "usd"; allowed: one of USD, EUR, GBP, CHF, JPY']);
    // Production volumes are given per use case now: the old multiplier is not an assumption any more.
    expect(lines({ ...base, costAssumptions: { pilotToProductionScale: 10 } })[0]).toMatch(/costAssumptions\.pilotToProductionScale: not a cost assumption/);
  });
});
