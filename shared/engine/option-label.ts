import { optionLabel } from '../domain';
import type { CompiledPack } from './compiled-pack';

/** The label a pack gives an option of one of its decisions, found by their ids; the id in words when the pack lacks either. */
export function packOptionLabel(pack: CompiledPack, decision: string, option: string): string {
  const index = pack.decisionIndex.get(decision);
  return optionLabel(index === undefined ? undefined : pack.decisions[index]!.decision, option);
}
