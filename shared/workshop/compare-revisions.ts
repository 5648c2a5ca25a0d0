import type { RevisionComparison } from '../contract/milestone';
import type { WorkshopState } from '../domain';
import type { CompiledPack, Evaluation } from '../engine';

/** One side of a comparison: the saved state and what the engine said about it. */
export interface Revision {
  label: string;
  createdAt: string | null;
  state: WorkshopState;
  evaluation: Evaluation;
}

function show(value: unknown): string | null {
  return value === undefined || value === null ? null : String(value);
}

/** Which answers, weights, participants, recommendations and room choices changed from `a` to `b`. */
export function compareRevisions(pack: CompiledPack, a: Revision, b: Revision): RevisionComparison {
  const answers: RevisionComparison['answers'] = [];
  for (const f of pack.factors) {
    const from = a.state.dontKnow.includes(f.id) ? 'don’t know yet' : show(a.state.answers[f.id]);
    const to = b.state.dontKnow.includes(f.id) ? 'don’t know yet' : show(b.state.answers[f.id]);
    if (from !== to) answers.push({ factor: f.id, prompt: f.prompt, from, to });
  }
  const nameOf = (id: string) => b.state.participants.find((p) => p.id === id)?.name ?? a.state.participants.find((p) => p.id === id)?.name ?? 'Unnamed participant';
  const weights: RevisionComparison['weights'] = [];
  const people = [...new Set([...Object.keys(a.state.weights), ...Object.keys(b.state.weights)])].sort();
  for (const id of people) {
    for (const c of pack.criteria) {
      const from = a.state.weights[id]?.[c.id] ?? null;
      const to = b.state.weights[id]?.[c.id] ?? null;
      if (from !== to) weights.push({ participant: nameOf(id), criterion: c.id, from, to });
    }
  }
  const aIds = new Set(a.state.participants.map((p) => p.id));
  const bIds = new Set(b.state.participants.map((p) => p.id));
  const recommendations: RevisionComparison['recommendations'] = [];
  const roomChoices: RevisionComparison['roomChoices'] = [];
  for (const d of pack.organisationDecisions) {
    const from = a.evaluation.decisions.find((x) => x.id === d.id);
    const to = b.evaluation.decisions.find((x) => x.id === d.id);
    const fromRec = from?.applicable ? (from.recommended ?? null) : 'not applicable';
    const toRec = to?.applicable ? (to.recommended ?? null) : 'not applicable';
    if (fromRec !== toRec) recommendations.push({ decision: d.id, title: d.decision.title, from: fromRec, to: toRec });
    const fromChoice = a.state.roomChoices[d.id]?.option ?? null;
    const toChoice = b.state.roomChoices[d.id]?.option ?? null;
    if (fromChoice !== toChoice) roomChoices.push({ decision: d.id, title: d.decision.title, from: fromChoice, to: toChoice });
  }
  return {
    from: { label: a.label, createdAt: a.createdAt },
    to: { label: b.label, createdAt: b.createdAt },
    answers,
    weights,
    participants: {
      added: b.state.participants.filter((p) => !aIds.has(p.id)).map((p) => p.name || 'Unnamed participant'),
      removed: a.state.participants.filter((p) => !bIds.has(p.id)).map((p) => p.name || 'Unnamed participant'),
    },
    recommendations,
    roomChoices,
  };
}
