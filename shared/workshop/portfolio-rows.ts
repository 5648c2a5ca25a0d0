import { packOptionLabel, SCOPE_USE_CASE, type CompiledPack, type DecisionEvaluation, type Evaluation } from '../engine';

/** One use case under a derived decision's outcome, as screens and records show it. */
export interface UseCaseRow {
  /** The use case's id and name. */
  id: string;
  name: string;
  /** Where it lands: "Serving placement: At the edge; Training placement: Public cloud". */
  lands: string;
  /** What moved it, when not its own recommendation: the roadmap, the room's choice, or a conflict. */
  note: string | null;
  /** Why, in the rules' words: the constraints that ruled other options out, then the strongest reason for it. */
  why: string;
}

const sentenceEnd = (t: string) => (/[.!?]$/.test(t.trim()) ? t.trim() : `${t.trim()}.`);

/**
 * The reason that did most to put a use case where it landed rather than at its runner-up: each rule's weighted
 * rise for the option less what it gave the runner-up (a rule that only marks the runner-up down counts too).
 * Between reasons about as strong, one that reads the use case's own answers wins over an organisation-wide
 * one, which would say the same of every row.
 */
function strongestReason(pack: CompiledPack, evaluation: Evaluation, e: DecisionEvaluation, option: string | null): string | null {
  const ranked = e.ranking.find((o) => o.option === option);
  if (!ranked) return null;
  const runner = e.ranking.find((o) => o.option !== option && !o.excluded);
  const weight = (criterion: string) => evaluation.weights.find((w) => w.criterion === criterion)?.weight ?? 1;
  const lead = new Map<string, { rationale: string; lead: number }>();
  const add = (rule: string, rationale: string, by: number) => {
    const x = lead.get(rule) ?? { rationale, lead: 0 };
    x.lead += by;
    lead.set(rule, x);
  };
  for (const r of ranked.reasons) add(r.rule, r.rationale, r.by * weight(r.criterion));
  for (const r of runner?.reasons ?? []) add(r.rule, r.rationale, -r.by * weight(r.criterion));
  const ownAnswers = (rule: string) => {
    const compiled = pack.rules.find((r) => r.id === rule);
    return compiled !== undefined && Array.from(compiled.factors).some((f) => pack.factorScopes[f] === SCOPE_USE_CASE);
  };
  const candidates = [...lead.entries()].filter(([, x]) => x.lead > 1e-9).map(([rule, x]) => ({ ...x, score: x.lead * (ownAnswers(rule) ? 1.5 : 1) }));
  candidates.sort((a, b) => b.score - a.score);
  return candidates[0]?.rationale ?? null;
}

/** Where each use case lands under a derived decision's outcome, with what moved it and why, in the rules' words. */
export function portfolioRows(pack: CompiledPack, evaluation: Evaluation, evaluated: DecisionEvaluation): UseCaseRow[] {
  const portfolio = evaluated.portfolio;
  if (!portfolio) return [];
  return portfolio.useCases.map((row) => {
    const ucEval = evaluation.useCases.find((u) => u.id === row.useCase);
    const partName = (id: string) => pack.decisions[pack.decisionIndex.get(id) ?? -1]?.decision.title ?? id;
    const label = (decision: string, option: string | null) => (option === null ? 'nothing to place' : packOptionLabel(pack, decision, option));
    const placed = row.parts.filter((p) => p.source !== 'none');
    // One place for every part reads as that place; otherwise each part by the first word of its title ("Serving: …").
    const places = [...new Set(placed.map((p) => (p.source === 'implied' ? `${label(p.decision, p.option)}, at the provider` : label(p.decision, p.option))))];
    const lands =
      placed.length === 0
        ? 'Nothing to place'
        : places.length === 1
          ? places[0]!
          : placed.map((p) => `${partName(p.decision).split(' ')[0]}: ${label(p.decision, p.option)}${p.source === 'implied' ? ', at the provider' : ''}`).join(' · ');
    const notes: string[] = [];
    const why: string[] = [];
    for (const part of placed) {
      const e = ucEval?.decisions.find((d) => d.id === part.decision);
      if (part.source === 'roadmap') notes.push(`${partName(part.decision)} on its own: ${label(part.decision, part.ownBest)}; placed to fit the organisation's outcome.`);
      if (part.source === 'room') notes.push(`${partName(part.decision)} is the room's choice.`);
      if (part.source === 'conflict') notes.push(`The room's choice for the organisation cannot place it; it stays at ${label(part.decision, part.option)}.`);
      if (!e) continue;
      if (part.source === 'implied') {
        why.push(...e.notApplicableBecause.map((r) => sentenceEnd(r.reason)));
        continue;
      }
      for (const ex of e.excluded) for (const r of ex.reasons) why.push(sentenceEnd(r.reason));
      const strongest = strongestReason(pack, evaluation, e, part.option);
      if (strongest) why.push(sentenceEnd(strongest));
    }
    // Its own best with no reason for it (say, its questions are still open): say so rather than leave a blank.
    if (why.length === 0 && placed.some((p) => p.source === 'own')) why.push('It scores highest on the weighted criteria; none of its answers so far speaks for it in particular.');
    return { id: row.useCase, name: row.name, lands, note: notes.length > 0 ? [...new Set(notes)].join(' ') : null, why: [...new Set(why)].slice(0, 3).join(' ') };
  });
}

