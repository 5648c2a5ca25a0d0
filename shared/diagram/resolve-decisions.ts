import type { Evaluation } from '../engine';

/** The five decision ids the stack is drawn from. */
export const STACK_DECISION_IDS = ['deployment', 'cloud-strategy', 'infrastructure-model', 'inference-mode', 'ai-sourcing'] as const;
export type StackDecisionId = (typeof STACK_DECISION_IDS)[number];

/** Where the option drawn for a decision came from. */
export type DecisionSource = 'choice' | 'recommended' | 'none';

/** The option the diagram draws for one decision. */
export interface ResolvedDecision {
  id: StackDecisionId;
  title: string;
  /** Option id, or null when the engine recommends nothing and the room chose nothing. */
  option: string | null;
  /** The option's label, "not applicable" or "undecided". */
  label: string;
  source: DecisionSource;
}

/** The options the room's own choices pick, by decision id; they win over the recommendation. */
export type DecisionChoices = Readonly<Record<string, string | null | undefined>>;

/** Resolves each stack decision: the room's choice when it names a real option, else the recommendation. */
export function resolveDecisions(evaluation: Evaluation, choices: DecisionChoices = {}): { decisions: ResolvedDecision[]; warnings: string[] } {
  const warnings: string[] = [];
  const decisions = STACK_DECISION_IDS.map((id): ResolvedDecision => {
    const d = evaluation.decisions.find((x) => x.id === id);
    const title = d?.title ?? id;
    const labelOf = (option: string): string => d?.ranking.find((r) => r.option === option)?.label ?? option;
    const choice = choices[id];
    // A decision that does not apply takes no choice: one made before it stopped applying is set aside.
    if (typeof choice === 'string' && choice !== '' && d?.applicable !== false) {
      if (d && d.ranking.some((r) => r.option === choice)) return { id, title, option: choice, label: labelOf(choice), source: 'choice' };
      const allowed = d ? d.ranking.map((r) => r.option).sort().join(', ') : 'none (the pack has no such decision)';
      warnings.push(`The choice "${choice}" for ${id} is not one of its options (${allowed}); the recommendation is drawn instead.`);
    }
    if (d?.recommended) return { id, title, option: d.recommended, label: labelOf(d.recommended), source: 'recommended' };
    return { id, title, option: null, label: d && !d.applicable ? 'not applicable' : 'undecided', source: 'none' };
  });
  for (const id of Object.keys(choices).sort()) {
    if (!(STACK_DECISION_IDS as readonly string[]).includes(id)) warnings.push(`The choice for "${id}" is ignored: the stack is drawn from ${STACK_DECISION_IDS.join(', ')}.`);
  }
  return { decisions, warnings };
}
