import { z } from 'zod';
import { Workshop, WorkshopId } from '../domain';
import { Milestone, MILESTONE_NAME_MAX } from './milestone';
import type { PackChanges } from '../engine';
import { PACK_IMPORT_MAX_CHARS } from './pack-limits';
import { PackRef } from './pack-ref';

export { PackRef };

/** A team's pack as the library keeps it. */
export const StoredPack = z.object({
  id: z.string(),
  version: z.string(),
  sha256: z.string(),
  title: z.string(),
  description: z.string(),
  fileName: z.string(),
  importedAt: z.string(),
});
export type StoredPack = z.infer<typeof StoredPack>;

/** A pack the app can evaluate with: the built-in one (read-only, shipped with the app) or one the team imported. */
export const PackSummary = StoredPack.extend({
  builtIn: z.boolean(),
  /** Who wrote and keeps it (the pack's own `author`; Stratum for the built-in pack); null when the pack does not say. */
  author: z.string().nullable(),
  /** Null for the built-in pack. */
  fileName: z.string().nullable(),
  importedAt: z.string().nullable(),
  rules: z.number().int(),
  decisions: z.number().int(),
  /** How many workshops (archived ones too) evaluate with it: a pack in use cannot be removed. */
  usedBy: z.number().int(),
});
export type PackSummary = z.infer<typeof PackSummary>;


export { PACK_IMPORT_MAX_CHARS };

/** A pack file chosen by the person, as text. */
export const ImportPackInput = z
  .object({
    fileName: z.string({ message: 'must be the file’s name' }).trim().min(1, { message: 'must be the file’s name' }).max(500),
    content: z.string({ message: 'must be the file’s text' }).max(PACK_IMPORT_MAX_CHARS, { message: `must be at most ${PACK_IMPORT_MAX_CHARS} characters: this is not a Stratum rule pack` }),
  })
  .strict();
export type ImportPackInput = z.infer<typeof ImportPackInput>;

/** `new`: added to the library. `existing`: the same pack (id, version and content) was already there; nothing was written. */
export const ImportedPack = z.object({ pack: PackSummary, outcome: z.enum(['new', 'existing']) });
export type ImportedPack = z.infer<typeof ImportedPack>;

const Named = z.object({ id: z.string(), label: z.string() });
const addedRemoved = <T extends z.ZodType>(item: T) => z.object({ added: z.array(item), removed: z.array(item) });
const Value = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))]);
const PackName = z.object({ id: z.string(), version: z.string(), title: z.string() });
const Changed = z.object({ id: z.string(), label: z.string(), parts: z.array(z.string()) });

/** What a pack changes against the built-in one (shared/engine comparePacks works it out; the channel returns it). */
export const PackComparison = z.object({
  base: PackName,
  other: PackName,
  decisions: addedRemoved(Named).extend({ changed: z.array(Changed) }),
  options: z.array(addedRemoved(Named).extend({ decision: z.string() })),
  baselines: z.array(z.object({ decision: z.string(), option: z.string(), criterion: z.string(), from: z.number().nullable(), to: z.number().nullable() })),
  factors: addedRemoved(Named).extend({ changed: z.array(Changed) }),
  criteria: addedRemoved(Named).extend({ weights: z.array(z.object({ id: z.string(), label: z.string(), from: z.number(), to: z.number() })) }),
  rules: addedRemoved(Named).extend({
    changed: z.array(
      z.object({
        id: z.string(),
        rationale: z.string(),
        parts: z.array(z.enum(['condition', 'effects', 'rationale', 'consideration'])),
        thresholds: z.array(z.object({ factor: z.string(), op: z.enum(['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte']), from: Value, to: Value })),
      }),
    ),
  }),
  risks: addedRemoved(z.object({ rule: z.string(), decision: z.string(), option: z.string().nullable(), severity: z.enum(['high', 'medium']), message: z.string() })),
  exclusions: addedRemoved(z.object({ rule: z.string(), decision: z.string(), option: z.string(), reason: z.string() })),
  checks: addedRemoved(Named).extend({ changed: z.array(Changed) }),
  same: z.boolean(),
  unlisted: z.boolean(),
}) satisfies z.ZodType<PackChanges>;
export type PackComparison = z.infer<typeof PackComparison>;

/** The pack an open workshop evaluates with: its summary and, for a team's pack, its JSON as imported (the page compiles it). */
export const WorkshopPackSource = z.object({ pack: PackSummary, content: z.string().nullable() });
export type WorkshopPackSource = z.infer<typeof WorkshopPackSource>;

/** Another version of the workshop's own pack, to preview a move to. */
export const MovePackInput = z.object({ id: WorkshopId, pack: PackRef }).strict();
export type MovePackInput = z.infer<typeof MovePackInput>;

const Outcome = z.object({
  /** The decision's title; the use case's name where it is one use case's. */
  title: z.string(),
  useCase: z.string().nullable(),
  from: z.string(),
  to: z.string(),
});

/** What moving a workshop to another version of its pack would change, worked out on its saved state. */
export const PackMovePreview = z.object({
  from: z.object({ id: z.string(), version: z.string(), title: z.string() }),
  to: z.object({ id: z.string(), version: z.string(), title: z.string() }),
  /** Recommendations that would change, labelled by the pack that gives them. */
  changes: z.array(Outcome),
  /** Recommendations that stay as they are. */
  unchanged: z.number().int(),
  /** Why the workshop cannot move (its answers do not fit the other version), or null. */
  refused: z.string().nullable(),
  /** The milestone the move saves first, keeping the results as they are. */
  milestone: z.string(),
});
export type PackMovePreview = z.infer<typeof PackMovePreview>;

/** Moves the workshop to another version of its pack, saving a milestone of the results as they were first. */
export const MoveWorkshopPackInput = MovePackInput.extend({
  milestone: z.string({ message: 'must be text' }).trim().min(1, { message: 'is required' }).max(MILESTONE_NAME_MAX, { message: `must be at most ${MILESTONE_NAME_MAX} characters` }),
  author: z.string({ message: 'must be text' }).trim().max(120, { message: 'must be at most 120 characters' }),
}).strict();
export type MoveWorkshopPackInput = z.infer<typeof MoveWorkshopPackInput>;

export const MovedWorkshopPack = z.object({ workshop: Workshop, milestone: Milestone });
export type MovedWorkshopPack = z.infer<typeof MovedWorkshopPack>;
