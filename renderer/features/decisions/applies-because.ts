import { evaluate, type CompiledPack, type Roadmap, type WeightsInput } from '../../../shared/engine';
import type { CostAssumptions } from '../../../shared/cost';

export interface RoomChoiceCause {
  /** The other decision's title. */
  decision: string;
  /** The option the room chose there, and what Stratum recommended with the same weights (null: none). */
  chosen: string;
  recommended: string | null;
}

/**
 * Why a decision applies although it would not without the room's choices (the cloud strategy once the room
 * chose cloud over a recommended on-premises): the choices that make the difference, each one that does so on
 * its own, else all the room's overrides together. Empty when the decision applies without them, or does not
 * apply at all.
 */
export function appliesBecauseOfRoom(
  pack: CompiledPack,
  roadmap: Roadmap,
  weights: WeightsInput,
  costAssumptions: CostAssumptions | null,
  decided: Readonly<Record<string, string>>,
  decisionId: string,
): RoomChoiceCause[] {
  if (Object.keys(decided).length === 0) return [];
  const run = (choices: Readonly<Record<string, string>>) => evaluate(pack, roadmap, weights, { costAssumptions, decided: choices, sensitivity: false });
  const applies = (choices: Readonly<Record<string, string>>) => run(choices).decisions.find((d) => d.id === decisionId)?.applicable ?? false;
  const base = run({});
  if (applies({}) || !applies(decided)) return [];
  const recommendedFor = (id: string) => base.decisions.find((d) => d.id === id)?.recommended ?? null;
  const overrides = Object.entries(decided).filter(([id, option]) => id !== decisionId && option !== recommendedFor(id));
  const alone = overrides.filter(([id]) => !applies(Object.fromEntries(Object.entries(decided).filter(([other]) => other !== id))));
  return (alone.length > 0 ? alone : overrides).map(([id, option]) => {
    const other = pack.decisions.find((d) => d.id === id)?.decision;
    const label = (o: string) => other?.options.find((x) => x.id === o)?.label ?? o;
    const recommended = recommendedFor(id);
    return { decision: other?.title ?? id, chosen: label(option), recommended: recommended === null ? null : label(recommended) };
  });
}
