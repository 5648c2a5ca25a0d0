import type { CompiledPack, DecisionEvaluation, Evaluation } from '../engine';

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

/** Where each use case lands under a derived decision's outcome, with what moved it and why, in the rules' words. */
export function portfolioRows(pack: CompiledPack, evaluation: Evaluation, evaluated: DecisionEvaluation): UseCaseRow[] {
  const portfolio = evaluated.portfolio;
  if (!portfolio) return [];
  return portfolio.useCases.map((row) => {
    const ucEval = evaluation.useCases.find((u) => u.id === row.useCase);
    const partName = (id: string) => pack.decisions[pack.decisionIndex.get(id) ?? -1]?.decision.title ?? id;
    const label = (decision: string, option: string | null) => {
      const d = pack.decisions[pack.decisionIndex.get(decision) ?? -1]?.decision;
      return option === null ? 'nothing to place' : (d?.options.find((o) => o.id === option)?.label ?? option);
    };
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
      if (part.source === 'roadmap') notes.push(`On its own: ${label(part.decision, part.ownBest)}; placed with the rest of the roadmap.`);
      if (part.source === 'room') notes.push(`${partName(part.decision)} is the room's choice.`);
      if (part.source === 'conflict') notes.push(`The room's choice for the organisation cannot place it; it stays at ${label(part.decision, part.option)}.`);
      if (!e) continue;
      if (part.source === 'implied') {
        why.push(...e.notApplicableBecause.map((r) => sentenceEnd(r.reason)));
        continue;
      }
      for (const ex of e.excluded) for (const r of ex.reasons) why.push(sentenceEnd(r.reason));
      // The reason that did most for where it landed: the largest rise times the weight of its criterion.
      const ranked = e.ranking.find((o) => o.option === part.option);
      const weight = (criterion: string) => evaluation.weights.find((w) => w.criterion === criterion)?.weight ?? 1;
      const strongest = [...(ranked?.reasons ?? [])].filter((r) => r.by > 0).sort((a, b) => b.by * weight(b.criterion) - a.by * weight(a.criterion))[0];
      if (strongest) why.push(sentenceEnd(strongest.rationale));
    }
    return { id: row.useCase, name: row.name, lands, note: notes.length > 0 ? notes.join(' ') : null, why: [...new Set(why)].slice(0, 3).join(' ') };
  });
}

