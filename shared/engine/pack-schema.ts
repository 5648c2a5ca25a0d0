import { z } from 'zod';
import { strictObject } from './strict-object';
import type { Condition } from './condition';

export const PACK_FORMAT = 'stratum.pack';
export const PACK_FORMAT_VERSION = 1;
/** Weights are given on this scale by people; the engine accepts any non-negative weight. */
export const WEIGHT_MAX = 5;

/** An answer to a factor: an enum value, a boolean or a number. */
export type FactorValue = string | number | boolean;

const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*$/, { message: 'must be an id: letters and digits, joined by ".", "-" or "_"' });
const Text = z.string().trim().min(1);

const FactorBase = {
  id: Id,
  prompt: Text,
  help: Text,
  /** The question group (from the pack's `groups`) the wizard shows this factor under. */
  group: Id.optional(),
};

export const EnumFactorSchema = strictObject({
  ...FactorBase,
  type: z.literal('enum'),
  values: z.array(Id).min(2).max(30),
});
export const BooleanFactorSchema = strictObject({ ...FactorBase, type: z.literal('boolean') });
export const NumberFactorSchema = strictObject({
  ...FactorBase,
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  exclusiveMin: z.boolean().optional(),
  integer: z.boolean().optional(),
  unit: z.string().optional(),
});
export const FactorSchema = z.discriminatedUnion('type', [EnumFactorSchema, BooleanFactorSchema, NumberFactorSchema]);
export type Factor = z.infer<typeof FactorSchema>;

export const CriterionSchema = strictObject({
  id: Id,
  label: Text,
  description: Text,
  defaultWeight: z.number().min(0).max(WEIGHT_MAX),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const OptionSchema = strictObject({
  id: Id,
  label: Text,
  description: Text,
  pros: z.array(Text),
  cons: z.array(Text),
  /** Score per criterion before any rule, 0..1; every criterion must be present. */
  baseline: z.record(z.string(), z.number().min(0).max(1)),
});
export type DecisionOption = z.infer<typeof OptionSchema>;

export const DecisionSchema = strictObject({
  id: Id,
  title: Text,
  question: Text,
  options: z.array(OptionSchema).min(2),
});
export type Decision = z.infer<typeof DecisionSchema>;

/** A consideration of practice (data sensitivity, latency, lock-in, …) that rules cite. */
export const ConsiderationSchema = strictObject({ id: Id, label: Text });
export type Consideration = z.infer<typeof ConsiderationSchema>;

/** A group of related questions, for presenting factors together. */
export const FactorGroupSchema = strictObject({ id: Id, label: Text });
export type FactorGroupDefinition = z.infer<typeof FactorGroupSchema>;

export const AdjustEffectSchema = strictObject({
  type: z.literal('adjust'),
  decision: Id,
  option: Id,
  criterion: Id,
  /** Added to the option's baseline on the criterion (the result is clamped to 0..1). */
  by: z.number().min(-1).max(1).refine((n) => n !== 0, { message: 'an adjustment of 0 has no effect' }),
});
export const ExcludeEffectSchema = strictObject({ type: z.literal('exclude'), decision: Id, option: Id, reason: Text });
export const RiskEffectSchema = strictObject({
  type: z.literal('risk'),
  decision: Id,
  /** When set, the risk applies only while this option is the room's choice, else (where the room has not chosen) the recommendation. */
  option: Id.optional(),
  severity: z.enum(['high', 'medium']),
  message: Text,
  action: Text,
});
export const NotApplicableEffectSchema = strictObject({ type: z.literal('not-applicable'), decision: Id, reason: Text });
export const EffectSchema = z.discriminatedUnion('type', [AdjustEffectSchema, ExcludeEffectSchema, RiskEffectSchema, NotApplicableEffectSchema]);
export type Effect = z.infer<typeof EffectSchema>;
export type AdjustEffect = z.infer<typeof AdjustEffectSchema>;
export type ExcludeEffect = z.infer<typeof ExcludeEffectSchema>;
export type RiskEffect = z.infer<typeof RiskEffectSchema>;
export type NotApplicableEffect = z.infer<typeof NotApplicableEffectSchema>;

export const RuleSchema = strictObject({
  id: Id,
  /** The consideration (from the pack's list) this rule encodes. */
  consideration: Id,
  rationale: Text,
  // Conditions are checked by hand (validate-condition.ts): zod's union errors can't say which form was meant.
  when: z.unknown(),
  effects: z.array(EffectSchema).min(1),
});

export const MonotonicExpectationSchema = strictObject({
  id: Id,
  /** Raising this factor (to a later enum value, a larger number, or from false to true)… */
  raising: Id,
  decision: Id,
  /** …never raises this option's score relative to `over` (nor lifts its exclusion, nor newly excludes `over`). */
  neverFavours: Id,
  over: Id,
  rationale: Text,
});
export type MonotonicExpectation = z.infer<typeof MonotonicExpectationSchema>;

export const PackSchema = strictObject({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_FORMAT_VERSION),
  id: Id,
  title: Text,
  packVersion: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, { message: 'must be a semantic version such as 1.0.0' }),
  description: Text,
  considerations: z.array(ConsiderationSchema).min(1),
  groups: z.array(FactorGroupSchema).optional(),
  factors: z.array(FactorSchema).min(1),
  criteria: z.array(CriterionSchema).min(1),
  decisions: z.array(DecisionSchema).min(1),
  rules: z.array(RuleSchema),
  expectations: strictObject({ monotonic: z.array(MonotonicExpectationSchema) }).optional(),
});

/** A rule after validation: its condition is typed. */
export type Rule = Omit<z.infer<typeof RuleSchema>, 'when'> & { when: Condition };

/** A validated rule pack (plain data, as written in the JSON file). */
export type Pack = Omit<z.infer<typeof PackSchema>, 'rules'> & { rules: Rule[] };
