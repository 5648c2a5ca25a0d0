import { expect } from 'vitest';
import { measureText, type Rect, type StackLayout, type TextBlock } from '../../../../shared/diagram';

const EPS = 0.011;

/** True when a is inside b. */
export function inside(a: Rect, b: Rect): boolean {
  return a.x >= b.x - EPS && a.y >= b.y - EPS && a.x + a.width <= b.x + b.width + EPS && a.y + a.height <= b.y + b.height + EPS;
}

/** True when two boxes share area. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width - EPS && b.x < a.x + a.width - EPS && a.y < b.y + b.height - EPS && b.y < a.y + a.height - EPS;
}

/** Every measured text block anywhere in the layout. */
export function textBlocks(value: unknown, out: TextBlock[] = []): TextBlock[] {
  if (Array.isArray(value)) for (const v of value) textBlocks(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.lines) && typeof o.fontSize === 'number' && o.bounds) out.push(o as unknown as TextBlock);
    else for (const v of Object.values(o)) textBlocks(v, out);
  }
  return out;
}

/** The checks every layout must pass: ids, containment, no overlaps, text inside its box. */
export function expectWellFormed(layout: StackLayout): void {
  const page: Rect = { x: 0, y: 0, width: layout.width, height: layout.height };
  const ids = layout.components.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const c of layout.components) {
    const cell = layout.cells.find((x) => x.placement === c.placement && x.layer === c.layer);
    expect(cell, c.id).toBeDefined();
    expect(inside(c.box, cell!.box), `${c.id} inside its cell`).toBe(true);
  }
  for (let i = 0; i < layout.components.length; i++) {
    for (let j = i + 1; j < layout.components.length; j++) {
      const a = layout.components[i]!;
      const b = layout.components[j]!;
      expect(overlaps(a.box, b.box), `${a.id} overlaps ${b.id}`).toBe(false);
    }
  }
  for (const p of layout.placements) expect(inside(p.box, page)).toBe(true);
  // Sections stack from top to bottom without overlapping.
  const sections: Array<[string, Rect]> = [['title', layout.title.box]];
  if (layout.governance) sections.push(['governance', layout.governance.box], ...layout.governance.lanes.map((l): [string, Rect] => [l.id, l.box]));
  if (layout.residency) sections.push(['residency', layout.residency.box]);
  // Placements outside the boundary (all of them when there is none): side by side or one under the other.
  for (const p of layout.placements) if (!layout.residency || !inside(p.box, layout.residency.box)) sections.push([p.id, p.box]);
  for (const s of layout.servingPaths) sections.push([s.id, s.box]);
  for (const p of layout.panels) sections.push([p.id, p.box]);
  sections.push(['legend', layout.legend.box]);
  for (let i = 0; i < sections.length; i++) {
    expect(inside(sections[i]![1], page), `${sections[i]![0]} on the page`).toBe(true);
    for (let j = i + 1; j < sections.length; j++) expect(overlaps(sections[i]![1], sections[j]![1]), `${sections[i]![0]} overlaps ${sections[j]![0]}`).toBe(false);
  }
  if (layout.residency) for (const p of layout.residency.placements) expect(inside(layout.placements.find((x) => x.id === p)!.box, layout.residency.box)).toBe(true);
  // Flows join neighbouring placements, straight across the gutter (or down the gap) between them, past no component.
  const order = layout.placements.map((p) => p.id);
  for (const f of layout.flows) {
    expect(Math.abs(order.indexOf(f.from.placement) - order.indexOf(f.to.placement)), f.id).toBe(1);
    const [a, b] = f.points;
    expect(a.x === b.x || a.y === b.y, `${f.id} is straight`).toBe(true);
    const line: Rect = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
    for (const c of layout.components) {
      const crosses = line.x < c.box.x + c.box.width - EPS && line.x + line.width > c.box.x + EPS && line.y < c.box.y + c.box.height - EPS && line.y + line.height > c.box.y + EPS;
      expect(crosses, `${f.id} crosses ${c.id}`).toBe(false);
    }
  }
  // Every line of text fits the box it was fitted to, horizontally and vertically.
  for (const t of textBlocks(layout)) {
    for (const [i, line] of t.lines.entries()) {
      const w = measureText(line, t.fontSize, t.weight);
      expect(w, `"${line}" fits ${t.bounds.width}`).toBeLessThanOrEqual(t.bounds.width + EPS);
      const left = t.anchor === 'middle' ? t.x - w / 2 : t.x;
      expect(left).toBeGreaterThanOrEqual(t.bounds.x - EPS);
      expect(left + w).toBeLessThanOrEqual(t.bounds.x + t.bounds.width + EPS);
      const baseline = t.y + i * t.lineHeight;
      // Ascent and descent of DejaVu Sans are 0.93 and 0.24 em; allow the top of tall glyphs a little slack.
      expect(baseline - 0.76 * t.fontSize, `"${line}" top`).toBeGreaterThanOrEqual(t.bounds.y - 1);
      expect(baseline + 0.24 * t.fontSize, `"${line}" bottom`).toBeLessThanOrEqual(t.bounds.y + t.bounds.height + 1);
    }
  }
}
