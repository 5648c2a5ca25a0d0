import { z } from 'zod';
import { ID_MESSAGE, ID_PATTERN } from '../domain';
import { strictObject } from './strict-object';
import type { Condition } from './condition';

export const PACK_FORMAT = 'stratum.pack';
/**
 * The newest pack format this build reads: version 2 adds use cases (scopes, portfolios, aggregates, a catalogue);
 * 3 names who wrote and keeps the pack (`author`).
 */
export const PACK_FORMAT_VERSION = 3;
/** Pack format versions this build reads: a version 1 pack is a version 2 pack with no use cases; 2 is 3 without an author. */
export const PACK_FORMAT_VERSIONS_READ: readonly number[] = [1, 2, 3];
/** Weights are given on this scale by people; the engine accepts any non-negative weight. */
export const WEIGHT_MAX = 5;

/** An answer to a factor: an enum value, a boolean or a number. */
export type FactorValue = string | number | boolean;

const Id = z.string().regex(ID_PATTERN, { message: ID_MESSAGE });
const Text = z.string().trim().min(1);

/** Whether a factor or decision belongs to the organisation as a whole (the default) or to each use case. */
export const SCOPES = ['organisation', 'use-case'] as const;
export type Scope = (typeof SCOPES)[number];
const ScopeSchema = z.enum(SCOPES);

/** How an organisation factor is computed from a use-case factor over the roadmap, instead of being asked. */
export const AGGREGATES = ['max', 'min', 'sum'] as const;
export const AggregateSchema = strictObject({ of: Id, by: z.enum(AGGREGATES) });
export type Aggregate = z.infer<typeof AggregateSchema>;

const FactorBase = {
  id: Id,
  prompt: Text,
  /** A short name for tables and charts ("p95 latency"); the prompt is the question. */
  label: Text.optional(),
  help: Text,
  /** The question group (from the pack's `groups`) the wizard shows this factor under. */
  group: Id.optional(),
  /** `use-case`: asked for each use case; `organisation` (default): asked once. */
  scope: ScopeSchema.optional(),
  /** An organisation factor the engine computes from the use cases (never asked): the max, min or sum of a use-case factor. */
  aggregate: AggregateSchema.optional(),
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
  /** Score per criterion before any rule, 0..1; every criterion must be present (none for a decision derived from the use cases). */
  baseline: z.record(z.string(), z.number().min(0).max(1)).optional(),
  /** Why this option scores as it does when no rule fires: one sentence, shown as its reason then. */
  rationale: Text.optional(),
});
export type DecisionOption = z.infer<typeof OptionSchema>;

/** How one option of a decision derived from the use cases places them: in options of the parts it lists, or each at its best. */
export const PortfolioOptionSchema = z.union([
  strictObject({
    /** Options of the use-case decisions this option takes every part to (uniform) or prefers (main approach). */
    uses: z.array(Id).min(1),
  }),
  strictObject({
    /** Each part at its own best: the mix (hybrid, both). */
    mixed: z.literal(true),
    /** What running a mix costs, as criterion adjustments (each below 0), and why. */
    penalty: z.record(z.string(), z.number().min(-0.5).max(0)),
    rationale: Text,
  }),
]);
export type PortfolioOption = z.infer<typeof PortfolioOptionSchema>;

/**
 * An organisation decision derived from the use cases' decisions (`from`, the parts). `uniform`: an option with
 * `uses` puts every part there (excluded when a part cannot go), a `mixed` option puts each part at its best,
 * and the outcome places every use case. `main-approach`: an option takes every part that can take it, the others
 * keep their own best, and use cases keep their own recommendation (the outcome is what to standardise on).
 */
export const PortfolioSchema = strictObject({
  from: z.array(Id).min(1),
  kind: z.enum(['uniform', 'main-approach']),
  options: z.record(z.string(), PortfolioOptionSchema),
  /** A part a use case has no decision for (not applicable) that still lands somewhere: decision id → the option it counts as. */
  notApplicableCountsAs: z.record(z.string(), Id).optional(),
});
export type Portfolio = z.infer<typeof PortfolioSchema>;

export const DecisionSchema = strictObject({
  id: Id,
  title: Text,
  question: Text,
  /** `use-case`: decided for each use case; `organisation` (default): decided once. */
  scope: ScopeSchema.optional(),
  /** Derives this organisation decision from the use cases' decisions instead of scoring it by rules. */
  portfolio: PortfolioSchema.optional(),
  options: z.array(OptionSchema).min(2),
});
export type Decision = z.infer<typeof DecisionSchema>;

/** A typical use case a roadmap can start from: its name, what it is, and answers to use-case factors. */
export const CatalogueEntrySchema = strictObject({
  id: Id,
  name: Text,
  description: Text,
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;

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

/** Answers that disagree with each other: when the condition (on factors only) holds, the engine says so and what to ask. */
export const ConsistencyCheckSchema = strictObject({
  id: Id,
  // Checked by hand, as a rule's condition is (validate-condition.ts).
  when: z.unknown(),
  /** What disagrees, in a sentence the room reads. */
  message: Text,
  /** The question that settles it. */
  ask: Text,
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
  version: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  id: Id,
  title: Text,
  /** Who wrote and keeps the pack: a team, a firm, a person (pack format 3). */
  author: Text.optional(),
  packVersion: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, { message: 'must be a semantic version such as 1.0.0' }),
  description: Text,
  considerations: z.array(ConsiderationSchema).min(1),
  groups: z.array(FactorGroupSchema).optional(),
  factors: z.array(FactorSchema).min(1),
  criteria: z.array(CriterionSchema).min(1),
  decisions: z.array(DecisionSchema).min(1),
  rules: z.array(RuleSchema),
  expectations: strictObject({ monotonic: z.array(MonotonicExpectationSchema) }).optional(),
  /** Typical use cases to start a roadmap from (pack format 2). */
  catalogue: z.array(CatalogueEntrySchema).optional(),
  /** Answers that disagree with each other, and what to ask (pack format 2). */
  checks: z.array(ConsistencyCheckSchema).optional(),
});

/** A rule after validation: its condition is typed. */
export type Rule = Omit<z.infer<typeof RuleSchema>, 'when'> & { when: Condition };

/** A consistency check after validation: its condition is typed. */
export type ConsistencyCheck = Omit<z.infer<typeof ConsistencyCheckSchema>, 'when'> & { when: Condition };

/** A validated rule pack (plain data, as written in the JSON file). */
export type Pack = Omit<z.infer<typeof PackSchema>, 'rules' | 'checks'> & { rules: Rule[]; checks?: ConsistencyCheck[] };
