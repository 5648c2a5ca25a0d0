// The decision engine's public surface: rule packs, evaluation, sensitivity, stakeholders, file formats.
export type { EngineIssue, EngineResult } from './engine-issue';
export { MAX_JSON_NESTING, describeFound, formatIssue, jsonNestingIssue } from './engine-issue';
export { misplacedAnswer, questionsAt, type AnswerLevel, type MisplacedAnswer } from './answer-level';

export type { Condition, ComparisonOp, FactorComparison, DecisionComparison } from './condition';
export type {
  Pack,
  Rule,
  Effect,
  AdjustEffect,
  ExcludeEffect,
  RiskEffect,
  NotApplicableEffect,
  Factor,
  FactorValue,
  Criterion,
  Decision,
  DecisionOption,
  Consideration,
  FactorGroupDefinition,
  MonotonicExpectation,
  CatalogueEntry,
  Portfolio,
  PortfolioOption,
  Scope,
  Aggregate,
} from './pack-schema';
export { PACK_FORMAT, PACK_FORMAT_VERSION, PACK_FORMAT_VERSIONS_READ, WEIGHT_MAX, PackSchema } from './pack-schema';
export { parsePack } from './parse-pack';
export { describeDomain, inDomain } from './validate-condition';
export type { CompiledPack, CompiledDecision, CompiledRule } from './compiled-pack';
export { compilePack, SCOPE_ORGANISATION, SCOPE_USE_CASE } from './compiled-pack';
export { packOptionLabel } from './option-label';
export { loadPack } from './load-pack';
export { checkPackExpectations, PACK_EXPECTATION_SAMPLES, validatePack } from './validate-pack';
export { defaultPack, defaultPackJson } from './default-pack';
export { packFingerprint } from './pack-fingerprint';
export { comparePacks, riskWhere, thresholdWords, type PackChanges, type RuleChange, type ThresholdChange } from './pack-changes';

export type { Answers, WeightsInput } from './answers';
export { ANSWERS_FORMAT, ANSWERS_VERSION, AnswersFileSchema, parseAnswersFile } from './answers-file';
export type { AnswersFile, Stakeholder } from './answers-file';

export type {
  Evaluation,
  DecisionEvaluation,
  RankedOption,
  CriterionScore,
  ScoreReason,
  RuleReason,
  ExcludedOption,
  Risk,
  FlipPoint,
  FlipTarget,
  UnansweredFactor,
  NotApplicableReason,
  DecisionPortfolio,
  PortfolioPart,
  PartSource,
  UseCaseEvaluation,
  UseCaseOutcome,
  Confidence,
  ConsistencyIssue,
} from './evaluation';
export { CLEAR_MARGIN, CLEAR_ROBUSTNESS, CONFIDENCE_LABELS, TIE_MARGIN, TIE_ROBUSTNESS, backedOptions, confidenceOf } from './confidence';
export type { EvaluateOptions, ScoringOptions } from './evaluate';
export type { Roadmap, UseCaseInput } from './roadmap/roadmap-input';
export { asRoadmap } from './roadmap/roadmap-input';
export { evaluate, OVERRIDDEN_CONSTRAINT_RULE } from './evaluate';
export { knownRoomChoices } from './rule-state';
export type { CostAdjustment } from './cost-criterion';
export { COST_DECISIVE_RATIO, COST_MODEL_CONSIDERATION, COST_MODEL_CRITERION, COST_MODEL_RULE, COST_RISK_RATIO, costScore } from './cost-criterion';
export { useCaseCostAdjustment } from './roadmap/use-case-cost';
export type { RobustnessOptions } from './robustness';
export { DEFAULT_ROBUSTNESS_SAMPLES, DEFAULT_ROBUSTNESS_SEED, DEFAULT_ROBUSTNESS_SPREAD } from './robustness';
export type { SensitivitySweep } from './sensitivity-sweep';
export { sensitivitySweep } from './sensitivity-sweep';
export type { StakeholderAnalysis, StakeholderRanking, StakeholderWeights, DecisionRanking, DecisionAgreement, CriterionSpread } from './stakeholders';
export { stakeholderRankings, geometricMeanWeights, kendallW } from './stakeholders';
export type { FactorInfluence } from './factor-influence';
export { factorInfluence } from './factor-influence';
export type { MonotonicViolation } from './monotonic-expectations';
export { checkMonotonicExpectations } from './monotonic-expectations';
