// fast-check generators for answers and weights over a compiled pack.
import fc from 'fast-check';
import { SCOPE_ORGANISATION, SCOPE_USE_CASE, type Answers, type CompiledPack, type FactorValue, type Roadmap } from '../../../../shared/engine';
import { factorCandidates } from '../../../../shared/engine/factor-candidates';

/** Any answer a factor allows, biased towards the values rules test against. */
function factorValue(pack: CompiledPack, index: number): fc.Arbitrary<FactorValue> {
  const factor = pack.factors[index]!;
  const candidates = factorCandidates(pack)[index]!;
  if (factor.type !== 'number') return fc.constantFrom(...candidates);
  const lo = factor.min ?? 0;
  const hi = factor.max ?? Math.max(1, ...candidates.map(Number)) * 2;
  const anyNumber = factor.integer ? fc.integer({ min: Math.ceil(lo + (factor.exclusiveMin ? 1 : 0)), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true, minExcluded: factor.exclusiveMin ?? false });
  return fc.oneof(fc.constantFrom(...candidates), anyNumber);
}

/** Answers where each factor is unanswered about a quarter of the time. */
export function answersArb(pack: CompiledPack): fc.Arbitrary<Answers> {
  const entries = pack.factors.map((f, i) => [f.id, fc.option(factorValue(pack, i), { freq: 3, nil: null })] as const);
  return fc.record(Object.fromEntries(entries)) as fc.Arbitrary<Answers>;
}

/** Weights on the 0..5 scale, with some criteria at 0. */
export function weightsArb(pack: CompiledPack): fc.Arbitrary<Record<string, number>> {
  // Weights as people set them: 0, whole and half points, and arbitrary values (no subnormals).
  const weight = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10 }).map((n) => n / 2), fc.double({ min: 1e-3, max: 5, noNaN: true }));
  return fc.record(Object.fromEntries(pack.criteria.map((c) => [c.id, weight])));
}

/** Answers to the factors of one scope (aggregates, which the pack works out itself, left out). */
function scopedAnswersArb(pack: CompiledPack, scope: number): fc.Arbitrary<Answers> {
  const aggregated = new Set(pack.aggregates.map((a) => a.factor));
  const entries = pack.factors.flatMap((f, i) => (pack.factorScopes[i] === scope && !aggregated.has(i) ? [[f.id, fc.option(factorValue(pack, i), { freq: 3, nil: null })] as const] : []));
  return fc.record(Object.fromEntries(entries)) as fc.Arbitrary<Answers>;
}

/** A roadmap: the organisation's answers and one to `maxUseCases` use cases, each answering its own questions. */
export function roadmapArb(pack: CompiledPack, maxUseCases = 3): fc.Arbitrary<Roadmap> {
  const useCase = scopedAnswersArb(pack, SCOPE_USE_CASE);
  return fc.record({
    answers: scopedAnswersArb(pack, SCOPE_ORGANISATION),
    useCases: fc.array(useCase, { minLength: 1, maxLength: maxUseCases }).map((list) => list.map((answers, i) => ({ id: `uc-${i + 1}`, name: `Use case ${i + 1}`, answers }))),
  });
}
