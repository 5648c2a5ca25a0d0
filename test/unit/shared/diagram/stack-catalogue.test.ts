import { describe, expect, it } from 'vitest';
import catalogue from '../../../../shared/packs/stack-catalogue.json';
import { LAYER_IDS, layoutStack } from '../../../../shared/diagram';
import { readStackCatalogue, stackCatalogue } from '../../../../shared/diagram/stack-catalogue';
import { SCENARIOS, scenarioInput } from './scenarios';

describe('the stack catalogue (data beside the packs)', () => {
  it('reads, with every layer, and names every component the diagrams draw from it', () => {
    const read = stackCatalogue();
    expect(Object.keys(read).sort()).toEqual([...LAYER_IDS].sort());
    for (const name of Object.keys(SCENARIOS) as Array<keyof typeof SCENARIOS>) {
      for (const c of layoutStack(scenarioInput(name)).components) {
        // Added by the room, or one use case's own box (its key names the use case): not catalogue components.
        if (c.origin === 'added' || c.key.startsWith('uc-')) continue;
        const entry = read[c.layer].find((e) => e.key === c.key);
        expect(entry, `${name}: ${c.id}`).toBeDefined();
        expect(c.icon).toBe(entry!.icon);
      }
    }
  });

  it('refuses a catalogue with an unknown icon or a key listed twice, naming where', () => {
    const withIcon = structuredClone(catalogue) as typeof catalogue;
    (withIcon.layers.compute[0] as { icon: string }).icon = 'rocket';
    expect(readStackCatalogue(withIcon)).toMatchObject({ ok: false, message: expect.stringMatching(/^layers\.compute\.0\.icon: /) });
    const twice = structuredClone(catalogue) as typeof catalogue;
    twice.layers.storage.push({ ...twice.layers.storage[0]! });
    expect(readStackCatalogue(twice)).toEqual({ ok: false, message: 'layers.storage: object-storage is listed twice' });
    expect(readStackCatalogue({ ...catalogue, version: 2 }).ok).toBe(false);
  });
});
