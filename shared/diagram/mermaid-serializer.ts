import { LAYER_IDS } from './layers';
import type { PlacementId } from './placements';
import type { StackLayout } from './stack-layout';
import type { ComponentIcon } from './stack-plan';

const PLACEMENT_ICONS: Readonly<Record<PlacementId, ComponentIcon>> = {
  edge: 'internet',
  'on-premises': 'server',
  'cloud-a': 'cloud',
  'cloud-b': 'cloud',
};

/** Mermaid titles may not hold brackets, quotes or line breaks. */
function title(text: string): string {
  return text.replace(/[[\]"'`\r\n]/g, ' ').replace(/\s+/g, ' ').trim() || 'untitled';
}

/** Gives every layout id a unique Mermaid identifier made of letters, digits and underscores. */
function idMaker(): (key: string, prefix: string) => string {
  const made = new Map<string, string>();
  const used = new Set<string>();
  return (key, prefix) => {
    const existing = made.get(`${prefix}|${key}`);
    if (existing) return existing;
    const base = `${prefix}_${key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`;
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
    used.add(id);
    made.set(`${prefix}|${key}`, id);
    return id;
  };
}

/** Writes the layout as Mermaid `architecture-beta`: a group per placement, a nested group per layer, built-in icons only. */
export function stackToMermaid(layout: StackLayout): string {
  const id = idMaker();
  const out: string[] = ['architecture-beta', `    title ${title(`${layout.title.workshop}: AI infrastructure stack`)}`];
  for (const p of layout.placements) {
    const pg = id(p.id, 'g');
    out.push('', `    group ${pg}(${PLACEMENT_ICONS[p.id]})[${title(p.label)}]`);
    for (const layer of LAYER_IDS) {
      const members = layout.components.filter((c) => c.placement === p.id && c.layer === layer);
      if (members.length === 0) continue;
      const lg = id(`${p.id}/${layer}`, 'g');
      const row = layout.layers.find((l) => l.id === layer)!;
      out.push(`    group ${lg}(${layer === 'storage' ? 'database' : PLACEMENT_ICONS[p.id]})[${title(row.label)}] in ${pg}`);
      for (const c of members) out.push(`    service ${id(c.id, 's')}(${c.icon})[${title(c.label)}] in ${lg}`);
    }
  }
  const edges: string[] = [];
  const seen = new Set<string>();
  const byId = new Map(layout.components.map((c) => [c.id, c]));
  const connect = (fromId: string | null, toId: string | null, horizontal: 'L' | 'R' | null): void => {
    if (!fromId || !toId || fromId === toId) return;
    const a = byId.get(fromId);
    const b = byId.get(toId);
    if (!a || !b) return;
    const key = `${fromId}>${toId}`;
    if (seen.has(key)) return;
    seen.add(key);
    let out1: string;
    let in2: string;
    if (horizontal) {
      out1 = horizontal;
      in2 = horizontal === 'R' ? 'L' : 'R';
    } else {
      const da = LAYER_IDS.indexOf(a.layer);
      const db = LAYER_IDS.indexOf(b.layer);
      [out1, in2] = da < db ? ['B', 'T'] : da > db ? ['T', 'B'] : ['R', 'L'];
    }
    edges.push(`    ${id(fromId, 's')}:${out1} --> ${in2}:${id(toId, 's')}`);
  };
  const order = layout.placements.map((p) => p.id);
  for (const f of layout.flows) {
    const rightward = order.indexOf(f.from.placement) < order.indexOf(f.to.placement);
    connect(f.from.component, f.to.component, rightward ? 'R' : 'L');
  }
  for (const path of layout.servingPaths) {
    for (let i = 1; i < path.steps.length; i++) connect(path.steps[i - 1]!.component, path.steps[i]!.component, null);
  }
  if (edges.length > 0) out.push('', ...edges);
  return `${out.join('\n')}\n`;
}
