import { z } from 'zod';
import { LAYER_IDS, PLACEMENT_IDS, type LayerId, type PlacementId } from './stack-vocabulary';

/** Longest label a person may give a component. */
export const COMPONENT_LABEL_MAX = 80;
/** Most components a workshop may add by hand. */
export const ADDED_COMPONENTS_MAX = 200;

const componentId = z
  .string({ message: 'must be a component id' })
  .regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/, { message: 'must be a component id such as "on-premises/platform/model-serving"' })
  .max(120, { message: 'must be at most 120 characters' });

const addedId = z
  .string({ message: 'must be text' })
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'must be lower-case letters, digits and hyphens, such as "vector-db"' })
  .max(60, { message: 'must be at most 60 characters' });

const label = z
  .string({ message: 'must be text' })
  .trim()
  .min(1, { message: 'is required' })
  .max(COMPONENT_LABEL_MAX, { message: `must be at most ${COMPONENT_LABEL_MAX} characters` });

const placement = z.enum(PLACEMENT_IDS as [PlacementId, ...PlacementId[]], { message: `must be one of ${PLACEMENT_IDS.join(', ')}` });
const layer = z.enum(LAYER_IDS as [LayerId, ...LayerId[]], { message: `must be one of ${LAYER_IDS.join(', ')}` });

/** A component the room added to a layer; its layout id is `custom/<id>`. */
export const AddedComponentSchema = z.strictObject({
  id: addedId,
  layer,
  placement,
  label,
});
export type AddedComponent = z.infer<typeof AddedComponentSchema>;

/**
 * The room's edits to the drawn stack, keyed by stable component ids so they survive re-evaluation.
 * An edit whose component no longer exists is kept and reported, not dropped.
 */
export const DiagramOverridesSchema = z.strictObject({
  renamed: z.record(componentId, label).default({}),
  moved: z.record(componentId, placement).default({}),
  hidden: z.array(componentId).default([]),
  added: z
    .array(AddedComponentSchema)
    .max(ADDED_COMPONENTS_MAX, { message: `must hold at most ${ADDED_COMPONENTS_MAX} components` })
    .default([])
    .refine((list) => new Set(list.map((c) => c.id)).size === list.length, { message: 'must not add two components with the same id' }),
});
export type DiagramOverrides = z.infer<typeof DiagramOverridesSchema>;

/** Overrides with no edits. */
export function emptyOverrides(): DiagramOverrides {
  return { renamed: {}, moved: {}, hidden: [], added: [] };
}

/** One problem with overrides a person supplied: the dotted path of the field and a sentence. */
export interface OverridesIssue {
  path: string;
  message: string;
}

/** Validates overrides from a file or the UI; problems come back as values that name the field. */
export function parseDiagramOverrides(raw: unknown): { ok: true; value: DiagramOverrides } | { ok: false; issues: OverridesIssue[] } {
  const parsed = DiagramOverridesSchema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => {
      const path = ['overrides', ...issue.path.map(String)].join('.');
      return { path, message: `${path} ${issue.message}` };
    }),
  };
}
