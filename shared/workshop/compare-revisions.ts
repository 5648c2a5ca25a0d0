import type { RevisionComparison } from './revision-comparison';
import { nameOfUseCase, type UseCase, type WorkshopState } from '../domain';
import { questionsAt, type CompiledPack, type Evaluation } from '../engine';

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

type Answered = Pick<UseCase, 'answers' | 'dontKnow'>;

/** An answer as the comparison shows it: "don’t know yet", the value, or null when nobody answered. */
function answerOf(side: Answered, factor: string): string | null {
  return side.dontKnow.includes(factor) ? 'don’t know yet' : show(side.answers[factor]);
}

/**
 * Which answers, weights, participants, use cases, recommendations and room choices changed from `a` to `b`. A
 * use case is matched by its id; one in a single revision counts as added or removed, and its answers are not
 * listed one by one.
 */
export function compareRevisions(pack: CompiledPack, a: Revision, b: Revision): RevisionComparison {
  const answers: RevisionComparison['answers'] = [];
  const recommendations: RevisionComparison['recommendations'] = [];
  const roomChoices: RevisionComparison['roomChoices'] = [];
  const useCaseFactors = questionsAt(pack, 'use-case');
  const organisationFactors = questionsAt(pack, 'organisation');
  for (const f of organisationFactors) {
    const from = answerOf(a.state, f.id);
    const to = answerOf(b.state, f.id);
    if (from !== to) answers.push({ factor: f.id, prompt: f.prompt, from, to });
  }

  const before = new Map(a.state.useCases.map((u) => [u.id, u]));
  const after = new Map(b.state.useCases.map((u) => [u.id, u]));
  const landing = (evaluation: Evaluation, id: string, decision: string) => evaluation.useCases.find((u) => u.id === id)?.outcomes.find((o) => o.decision === decision)?.option ?? null;
  for (const u of b.state.useCases) {
    const old = before.get(u.id);
    if (!old) continue;
    const useCase = { id: u.id, name: nameOfUseCase(u) };
    for (const f of useCaseFactors) {
      const from = answerOf(old, f.id);
      const to = answerOf(u, f.id);
      if (from !== to) answers.push({ factor: f.id, prompt: f.prompt, from, to, useCase });
    }
    for (const d of pack.useCaseDecisions) {
      const from = landing(a.evaluation, u.id, d.id);
      const to = landing(b.evaluation, u.id, d.id);
      if (from !== to) recommendations.push({ decision: d.id, title: d.decision.title, from, to, useCase });
      const fromChoice = old.roomChoices[d.id]?.option ?? null;
      const toChoice = u.roomChoices[d.id]?.option ?? null;
      if (fromChoice !== toChoice) roomChoices.push({ decision: d.id, title: d.decision.title, from: fromChoice, to: toChoice, useCase });
    }
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
  // The organisation's recommendations and choices come first, then each use case's, in the later revision's order.
  const organisation = { recommendations: [] as RevisionComparison['recommendations'], roomChoices: [] as RevisionComparison['roomChoices'] };
  for (const d of pack.organisationDecisions) {
    const from = a.evaluation.decisions.find((x) => x.id === d.id);
    const to = b.evaluation.decisions.find((x) => x.id === d.id);
    const fromRec = from?.applicable ? (from.recommended ?? null) : 'not applicable';
    const toRec = to?.applicable ? (to.recommended ?? null) : 'not applicable';
    if (fromRec !== toRec) organisation.recommendations.push({ decision: d.id, title: d.decision.title, from: fromRec, to: toRec });
    const fromChoice = a.state.roomChoices[d.id]?.option ?? null;
    const toChoice = b.state.roomChoices[d.id]?.option ?? null;
    if (fromChoice !== toChoice) organisation.roomChoices.push({ decision: d.id, title: d.decision.title, from: fromChoice, to: toChoice });
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
    useCases: {
      added: b.state.useCases.filter((u) => !before.has(u.id)).map(nameOfUseCase),
      removed: a.state.useCases.filter((u) => !after.has(u.id)).map(nameOfUseCase),
      renamed: b.state.useCases.flatMap((u) => {
        const old = before.get(u.id);
        return old && nameOfUseCase(old) !== nameOfUseCase(u) ? [{ from: nameOfUseCase(old), to: nameOfUseCase(u) }] : [];
      }),
    },
    recommendations: [...organisation.recommendations, ...recommendations],
    roomChoices: [...organisation.roomChoices, ...roomChoices],
  };
}
