import { defaultPack, formatIssue, loadPack, type CompiledPack } from '../../shared/engine';
import type { WorkshopPackSource } from '../../shared/contract';
import type { WorkshopState } from '../../shared/domain';
import { evaluateWorkshop, type WorkshopEvaluation } from '../../shared/workshop';
import { useAppStore } from './context';

// The wizard evaluates exactly as exports and the CLI do; these are re-exported for its components.
export { defaultWeights, participantWeights, weighingParticipants } from '../../shared/workshop';

/** Team packs compiled once per page, by content hash. */
const compiled = new Map<string, CompiledPack>();

/**
 * The pack a workshop's source names, compiled: the built-in one, or the team's pack from its JSON. The library
 * checked it on import, so a failure means the saved pack changed behind the app; it is said as such.
 */
export function compiledPack(source: WorkshopPackSource | null): CompiledPack {
  if (!source || source.content === null) return defaultPack();
  const cached = compiled.get(source.pack.sha256);
  if (cached) return cached;
  const loaded = loadPack(JSON.parse(source.content) as unknown);
  if (!loaded.ok) throw new Error(`The rule pack ${source.pack.title} ${source.pack.version} no longer reads (${formatIssue(loaded.issues[0]!, 'the pack')}); import it again on the Rule packs page.`);
  compiled.set(source.pack.sha256, loaded.value);
  return loaded.value;
}

/** The rule pack the open workshop evaluates with (the built-in one until a workshop is open). */
export function usePack(): CompiledPack {
  return compiledPack(useAppStore((s) => s.sessionPack));
}

/** Validates and compiles the rule pack ahead of need: called while the workshop list is idle, so opening a workshop does not wait for it. */
export function preparePack(): void {
  defaultPack();
}

export type Derived = WorkshopEvaluation;

let memo: {
  answers: WorkshopState['answers'];
  useCases: WorkshopState['useCases'];
  weights: WorkshopState['weights'];
  participants: WorkshopState['participants'];
  costAssumptions: WorkshopState['costAssumptions'];
  roomChoices: WorkshopState['roomChoices'];
  pack: CompiledPack;
  value: Derived;
} | null = null;

/** The workshop's evaluation; the same answers, use cases, weights, participants, cost assumptions and room choices return the same object. */
export function derive(pack: CompiledPack, state: WorkshopState): Derived {
  if (
    memo &&
    memo.pack === pack &&
    memo.answers === state.answers &&
    memo.useCases === state.useCases &&
    memo.weights === state.weights &&
    memo.participants === state.participants &&
    memo.costAssumptions === state.costAssumptions &&
    memo.roomChoices === state.roomChoices
  ) {
    return memo.value;
  }
  const value = evaluateWorkshop(pack, state);
  memo = {
    answers: state.answers,
    useCases: state.useCases,
    weights: state.weights,
    participants: state.participants,
    costAssumptions: state.costAssumptions,
    roomChoices: state.roomChoices,
    pack,
    value,
  };
  return value;
}

/** The live evaluation of the open workshop, recomputed synchronously whenever answers, weights or cost assumptions change. */
export function useDerived(): Derived | null {
  const pack = usePack();
  const session = useAppStore((s) => s.session);
  return session ? derive(pack, session) : null;
}
