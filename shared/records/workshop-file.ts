import { z } from 'zod';
import { defaultCostAssumptions, moneyContextOf } from '../cost';
import { Workshop } from '../domain';
import { WorkshopState } from '../domain';
import { defaultPack } from '../engine';
import { inputPackSha256, type RecordsInput } from './records-input';
import { DecisionRecordSchema } from './record-status';

export const WORKSHOP_FORMAT = 'stratum.workshop';
/**
 * The newest version this build writes: 3 counts in another currency than US dollars (`state.costAssumptions.currency`);
 * 4 sets what the people a model of one's own needs cost (`modelTeamMonthly`, `mlPlatformFixedMonthly`); 5 carries
 * the team's rule pack the workshop evaluates with (`pack.content`), so it evaluates the same way wherever it opens.
 */
export const WORKSHOP_VERSION = 5;

/** The cost assumptions a version 3 file cannot hold. */
const VERSION_4_ASSUMPTIONS = ['modelTeamMonthly', 'mlPlatformFixedMonthly'] as const;

/**
 * The version a workshop's file is written as: the oldest that holds it, so a file that needs nothing new opens in
 * an earlier Stratum too. 5 when it carries a team's rule pack; 4 when it sets the people a model of one's own needs;
 * 3 when it names a currency; 2 (use cases, US dollars) otherwise.
 */
export function workshopVersionFor(state: Pick<WorkshopState, 'costAssumptions'>, carriesPack = false): 2 | 3 | 4 | 5 {
  if (carriesPack) return 5;
  if (VERSION_4_ASSUMPTIONS.some((key) => state.costAssumptions[key] !== undefined)) return 4;
  return state.costAssumptions.currency === undefined ? 2 : 3;
}
/**
 * The state as the file holds it: a people cost set to exactly its default (in the workshop's currency) is left
 * out, as if never set, so it does not make the file a version an earlier Stratum cannot open.
 */
function portableState(state: WorkshopState): WorkshopState {
  const saved = state.costAssumptions;
  if (!VERSION_4_ASSUMPTIONS.some((key) => saved[key] !== undefined)) return state;
  const money = moneyContextOf(saved);
  if (!money.ok) return state;
  const defaults = defaultCostAssumptions(money.value.currency, money.value.usdExchangeRate);
  const costAssumptions = { ...saved };
  for (const key of VERSION_4_ASSUMPTIONS) if (costAssumptions[key] === defaults[key]) delete costAssumptions[key];
  return { ...state, costAssumptions };
}
/** Versions this build opens: 1 (before use cases) is migrated on the way in; 2 to 4 are 5 without what they lack. */
export const WORKSHOP_VERSIONS_READ: readonly number[] = [1, 2, 3, 4, 5];

/**
 * The pack a workshop was evaluated with: enough to tell whether the same rules are loaded again. A team's pack
 * travels whole in `content` (version 5), checked on the way in as a pack import checks it.
 */
export const PackRefSchema = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a sha256: 64 lower-case hexadecimal digits' }),
    content: z.record(z.string(), z.unknown(), { message: 'must be a Stratum rule pack (a JSON object)' }).optional(),
  })
  .strict();
export type PackRef = z.infer<typeof PackRefSchema>;

// The evaluation is a snapshot for readers and other tools; the app re-evaluates on open, so only its frame is checked.
export const EvaluationSnapshotSchema = z.looseObject({
  pack: z.looseObject({ id: z.string(), version: z.string() }),
  weights: z.array(z.looseObject({ criterion: z.string(), weight: z.number() })),
  decisions: z.array(z.looseObject({ id: z.string(), recommended: z.string().nullable() })),
  unanswered: z.array(z.string()),
  firedRules: z.array(z.string()),
});
export type EvaluationSnapshot = z.infer<typeof EvaluationSnapshotSchema>;

/** A whole workshop as one file (`stratum.workshop` v4, with its use cases, currency and people costs): details, state, pack, and the evaluation and records at export. */
export const WorkshopFileSchema = z
  .object({
    format: z.literal(WORKSHOP_FORMAT),
    version: z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(WORKSHOP_VERSION)]),
    // The workshop's details; which pack it evaluates with is the file's own `pack`.
    workshop: Workshop.omit({ pack: true }),
    state: WorkshopState,
    pack: PackRefSchema,
    evaluation: EvaluationSnapshotSchema.optional(),
    records: z.array(DecisionRecordSchema).optional(),
  })
  .strict()
  .superRefine((file, ctx) => {
    if (file.pack.content !== undefined && file.version < 5) {
      ctx.addIssue({ code: 'custom', path: ['pack', 'content'], message: 'a rule pack travels in a version 5 file; an earlier version cannot hold one' });
    }
    file.records?.forEach((record, i) => {
      if (record.workshop !== file.workshop.id) {
        ctx.addIssue({ code: 'custom', path: ['records', i, 'workshop'], message: `must be this file's workshop id (${file.workshop.id})` });
      }
    });
  });
export type WorkshopFile = z.infer<typeof WorkshopFileSchema>;

function detailsOf(workshop: Workshop): Omit<Workshop, 'pack'> {
  const { pack: _pack, ...details } = workshop;
  return details;
}

/** The file's workshop as the app keeps it: on the team's pack the file carries, or on the built-in one. */
export function workshopOfFile(file: Pick<WorkshopFile, 'workshop' | 'pack'>): Workshop {
  return { ...file.workshop, pack: file.pack.content !== undefined ? { id: file.pack.id, version: file.pack.version } : null };
}

/** The `stratum.workshop` document for an input (plain data, ready for JSON.stringify). */
export function workshopFile(input: RecordsInput): WorkshopFile {
  const state = portableState(input.state);
  // A workshop on a team's pack carries it; the built-in pack ships with every Stratum.
  const carriesPack = input.pack.pack.id !== defaultPack().pack.id;
  return {
    format: WORKSHOP_FORMAT,
    version: workshopVersionFor(state, carriesPack),
    workshop: detailsOf(input.workshop),
    state,
    pack: {
      id: input.pack.pack.id,
      version: input.pack.pack.packVersion,
      sha256: inputPackSha256(input),
      ...(carriesPack ? { content: input.pack.pack as unknown as Record<string, unknown> } : {}),
    },
    evaluation: input.evaluation as unknown as EvaluationSnapshot,
    ...(input.records !== undefined ? { records: [...input.records] } : {}),
  };
}

/** The whole workshop as `stratum.workshop` JSON text (two-space indent, final newline). */
export function workshopToJson(input: RecordsInput): string {
  return `${JSON.stringify(workshopFile(input), null, 2)}\n`;
}
