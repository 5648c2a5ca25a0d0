import { z } from 'zod';
import catalogue from '../packs/stack-catalogue.json';
import { LAYER_IDS, type LayerId } from './layers';

/** Mermaid's built-in architecture icons, the only ones every renderer has. */
export const COMPONENT_ICONS = ['cloud', 'database', 'disk', 'internet', 'server'] as const;
export type ComponentIcon = (typeof COMPONENT_ICONS)[number];

/** A component the stack can draw: its key (part of its id and of saved edits, never changed), label and icon. */
export interface CatalogueEntry {
  key: string;
  label: string;
  icon: ComponentIcon;
}

const Entry = z.strictObject({ key: z.string().regex(/^[a-z][a-z0-9-]*$/), label: z.string().min(1), icon: z.enum(COMPONENT_ICONS) });
const Catalogue = z.strictObject({
  format: z.literal('stratum.stack-catalogue'),
  version: z.literal(1),
  description: z.string(),
  layers: z.strictObject(Object.fromEntries(LAYER_IDS.map((layer) => [layer, z.array(Entry)])) as Record<LayerId, z.ZodArray<typeof Entry>>),
});

/** Checks a catalogue as the file holds it: the layers, their entries and icons, and no key twice in a layer. */
export function readStackCatalogue(value: unknown): { ok: true; value: Record<LayerId, CatalogueEntry[]> } | { ok: false; message: string } {
  const parsed = Catalogue.safeParse(value);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  for (const layer of LAYER_IDS) {
    const keys = parsed.data.layers[layer].map((e) => e.key);
    const twice = keys.find((k, i) => keys.indexOf(k) !== i);
    if (twice) return { ok: false, message: `layers.${layer}: ${twice} is listed twice` };
  }
  return { ok: true, value: parsed.data.layers };
}

let checked: Readonly<Record<LayerId, readonly CatalogueEntry[]>> | null = null;

/**
 * The stack's component catalogue (shared/packs/stack-catalogue.json), per layer in the order components appear
 * inside a cell; checked once, and a catalogue that does not read is a bug in the build, said as such.
 */
export function stackCatalogue(): Readonly<Record<LayerId, readonly CatalogueEntry[]>> {
  if (checked) return checked;
  const read = readStackCatalogue(catalogue);
  if (!read.ok) throw new Error(`The stack catalogue is invalid: ${read.message}`);
  checked = read.value;
  return checked;
}
