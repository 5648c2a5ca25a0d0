import { z } from 'zod';
import { Workshop } from '../domain';
import { WorkshopState } from '../domain';
import { inputPackSha256, type RecordsInput } from './records-input';
import { DecisionRecordSchema } from './record-status';

export const WORKSHOP_FORMAT = 'stratum.workshop';
export const WORKSHOP_VERSION = 2;
/** Versions this build opens: 1 (before use cases) is migrated on the way in. */
export const WORKSHOP_VERSIONS_READ: readonly number[] = [1, 2];

/** The pack a workshop was evaluated with: enough to tell whether the same rules are loaded again. */
export const PackRefSchema = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a sha256: 64 lower-case hexadecimal digits' }),
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

/** A whole workshop as one file (`stratum.workshop` v2, with its use cases): details, state, pack, and the evaluation and records at export. */
export const WorkshopFileSchema = z
  .object({
    format: z.literal(WORKSHOP_FORMAT),
    version: z.literal(WORKSHOP_VERSION),
    workshop: Workshop,
    state: WorkshopState,
    pack: PackRefSchema,
    evaluation: EvaluationSnapshotSchema.optional(),
    records: z.array(DecisionRecordSchema).optional(),
  })
  .strict()
  .superRefine((file, ctx) => {
    file.records?.forEach((record, i) => {
      if (record.workshop !== file.workshop.id) {
        ctx.addIssue({ code: 'custom', path: ['records', i, 'workshop'], message: `must be this file's workshop id (${file.workshop.id})` });
      }
    });
  });
export type WorkshopFile = z.infer<typeof WorkshopFileSchema>;

/** The `stratum.workshop` document for an input (plain data, ready for JSON.stringify). */
export function workshopFile(input: RecordsInput): WorkshopFile {
  return {
    format: WORKSHOP_FORMAT,
    version: WORKSHOP_VERSION,
    workshop: input.workshop,
    state: input.state,
    pack: { id: input.pack.pack.id, version: input.pack.pack.packVersion, sha256: inputPackSha256(input) },
    evaluation: input.evaluation as unknown as EvaluationSnapshot,
    ...(input.records !== undefined ? { records: [...input.records] } : {}),
  };
}

/** The whole workshop as `stratum.workshop` JSON text (two-space indent, final newline). */
export function workshopToJson(input: RecordsInput): string {
  return `${JSON.stringify(workshopFile(input), null, 2)}\n`;
}
