import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi } from './support/api';
import { openApp, useAppUnderTest, waitSaved } from './support/app';
import { screenshot, seriousAxeViolations } from './support/browser';

const bank = JSON.parse(fs.readFileSync(new URL('../fixtures/workshops/regulated-bank.json', import.meta.url), 'utf8')) as {
  answers: Record<string, unknown>;
  useCases: Array<{ name: string; description?: string; answers: Record<string, unknown> }>;
};
const useCases = bank.useCases.map((u) => ({ id: randomUUID(), name: u.name, description: u.description ?? '', answers: u.answers, dontKnow: [], notes: {}, roomChoices: {} }));

/** What the drawing's text measures on screen, in CSS pixels: font size in the drawing times the zoom it is shown at. */
interface DrawnText {
  /** The smallest component label (a component's name, its first text). */
  componentLabel: number;
  /** The smallest rendered line box of a component label, from the browser's own layout. */
  componentLine: number;
  /** The smallest column heading (a placement's name) and layer name. */
  heading: number;
  /** The smallest text anywhere in the drawing. */
  any: number;
  /** The drawing's width on screen and the pane's, and how far apart their left edges are. */
  width: number;
  pane: number;
  offset: number;
}

async function drawnText(page: Page): Promise<DrawnText> {
  return page.locator('.canvas-viewport').evaluate((pane) => {
    const svg = pane.querySelector('svg')!;
    const box = svg.getBoundingClientRect();
    const zoom = box.width / Number(svg.getAttribute('width'));
    const size = (t: Element) => Number(t.getAttribute('font-size')) * zoom;
    const min = (list: number[]) => Math.min(...list);
    const labels = [...svg.querySelectorAll('g[id^="component:"] > text:first-of-type')];
    const headings = [...svg.querySelectorAll('#placements > text:nth-of-type(odd), #layers > text[font-weight="bold"]')].filter((t) => !/^[A-Z]{2}$/.test(t.textContent ?? ''));
    return {
      componentLabel: min(labels.map(size)),
      componentLine: min(labels.map((t) => t.querySelector('tspan')!.getBoundingClientRect().height)),
      heading: min(headings.map(size)),
      any: min([...svg.querySelectorAll('text')].map(size)),
      width: box.width,
      pane: pane.clientWidth,
      offset: box.left - pane.getBoundingClientRect().left,
    };
  });
}

describe('the Stack step', () => {
  const app = useAppUnderTest();

  beforeAll(async () => {
    const host = app.host;
    const w = await callApi<{ id: string }>(host, 'workshops.create', { title: 'Fabrikam Bank AI stack' });
    const p = { id: randomUUID(), name: 'D. Novak', role: 'CIO', involvement: 'decision-maker' };
    await callApi(host, 'workshopState.save', {
      id: w.id,
      baseRevision: 0,
      state: { participants: [p], answers: bank.answers, useCases, dontKnow: [], notes: {}, weights: { [p.id]: { cost: 2, control: 5 } }, roomChoices: {} },
    });
  });

  it('draws the stack, keeps an edit across a reload, and exports SVG and PNG files', async () => {
    const { context, page } = await openApp(app, { acceptDownloads: true });
    await page.getByRole('link', { name: 'Fabrikam Bank AI stack' }).click();
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Stack/ }).click();
    const diagram = page.locator('.canvas-content svg');
    await expect.poll(() => diagram.count()).toBe(1);
    expect(await page.locator('.canvas-content g[id^="component:"]').count()).toBeGreaterThan(10);
    // Each use case is drawn as an application where it is served: the bank serves all three on premises.
    for (const u of useCases) expect(await page.locator(`.canvas-content g[id^="component:on-premises/applications/uc-${u.id}"]`).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'stack-1440x900');

    // Select a component by clicking it in the drawing, rename it.
    const first = page.locator('.canvas-content g[id^="component:"]').first();
    const id = (await first.getAttribute('id'))!.slice('component:'.length);
    await first.click();
    await expect.poll(() => page.getByLabel('Component', { exact: true }).inputValue()).toBe(id);
    // The drawing marks it as chosen, and only it.
    await expect.poll(() => first.getAttribute('class')).toBe('component-selected');
    expect(await page.locator('.canvas-content .component-selected').count()).toBe(1);
    // The drawing is named by its own title, not by the step's heading (one id each on the page).
    expect(await page.locator('.canvas-content svg').getAttribute('aria-labelledby')).toBe('stack-canvas-title');
    expect(await page.locator('#stack-canvas-title').textContent()).toContain('AI infrastructure stack');
    expect(await page.locator('[id="stack-title"]').count()).toBe(1);
    await page.locator('#component-name').fill('Risk scoring service');
    await expect.poll(() => page.locator('.canvas-content').textContent()).toContain('Risk scoring');
    // Add one, hide another.
    await page.locator('#add-component-name').fill('Vector database');
    await page.getByRole('button', { name: 'Add component' }).click();
    await expect.poll(() => page.locator('.canvas-content').textContent()).toContain('Vector');
    await waitSaved(page);

    await page.reload();
    await expect.poll(() => page.locator('.canvas-content').textContent()).toContain('Risk scoring');
    expect(await page.locator('.canvas-content').textContent()).toContain('Vector');
    await page.setViewportSize({ width: 1024, height: 768 });
    // The editor stays beside the diagram at 1024×768.
    const canvas = (await page.locator('.stack-canvas').boundingBox())!;
    const editor = (await page.locator('.stack-editor').boundingBox())!;
    expect(editor.x).toBeGreaterThan(canvas.x + canvas.width - 1);
    await screenshot(page, 'stack-1024x768');

    // Export SVG: a download of the same drawing, with the edits.
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    expect(svgDownload.suggestedFilename()).toBe('fabrikam-bank-ai-stack-stack.svg');
    const svg = fs.readFileSync((await svgDownload.path())!, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Risk scoring');

    // Export PNG at 1x: a real PNG at the layout's size.
    await page.getByLabel('Format').selectOption('png');
    await page.getByLabel('Scale').selectOption('1');
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const png = fs.readFileSync((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const svgWidth = Number(/width="(\d+)"/.exec(svg)?.[1]);
    expect(width).toBe(svgWidth);
    await context.close();
  });

  it('labels are readable at Fit: at least 12 px at a desk (1024×768) and 18 px in presenter mode (1280×720)', async () => {
    const { context, page } = await openApp(app, { viewport: { width: 1024, height: 768 } });
    await page.getByRole('link', { name: 'Fabrikam Bank AI stack' }).click();
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Stack/ }).click();
    await expect.poll(() => page.locator('.canvas-content svg').count()).toBe(1);

    // At a desk: the drawing fills the pane's width and every label is 12 px or more; small print 10.8 px or more.
    const desk = await drawnText(page);
    expect(Math.abs(desk.width - desk.pane), 'the drawing fills the pane').toBeLessThanOrEqual(2);
    expect(Math.abs(desk.offset)).toBeLessThanOrEqual(1);
    expect(desk.componentLabel).toBeGreaterThanOrEqual(12);
    expect(desk.componentLine).toBeGreaterThanOrEqual(12);
    expect(desk.heading).toBeGreaterThanOrEqual(12);
    expect(desk.any).toBeGreaterThanOrEqual(10.8);
    await screenshot(page, 'stack-fit-1024x768');

    // The drawing is taller than the pane: the wheel scrolls it, at the same size.
    const top = () => page.locator('.canvas-viewport').evaluate((pane) => pane.querySelector('svg')!.getBoundingClientRect().top - pane.getBoundingClientRect().top);
    expect(await top()).toBeCloseTo(0, 0);
    await page.locator('.canvas-viewport').hover();
    await page.mouse.wheel(0, 400);
    await expect.poll(top).toBeLessThan(-300);
    expect((await drawnText(page)).componentLabel).toBeGreaterThanOrEqual(12);

    // By keyboard too: the drawing takes focus, End goes to its bottom, Home back to its top, at the same size.
    await page.locator('.canvas-viewport').focus();
    await page.keyboard.press('End');
    await expect.poll(top).toBeLessThan(-600);
    await page.keyboard.press('Home');
    await expect.poll(top).toBeCloseTo(0, 0);
    await page.keyboard.press('ArrowDown');
    await expect.poll(top).toBeCloseTo(-60, 0);
    expect((await drawnText(page)).componentLabel).toBeGreaterThanOrEqual(12);

    // Zoomed out, then Fit: back to readable, from the top.
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    expect((await drawnText(page)).componentLabel).toBeLessThan(12);
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await expect.poll(async () => (await drawnText(page)).componentLabel).toBeGreaterThanOrEqual(12);
    expect(await top()).toBeCloseTo(0, 0);

    // Presenter mode on a projector: no editor or export form beside the drawing, labels 18 px or more.
    await page.keyboard.press('F5');
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => page.getByRole('button', { name: 'Exit presenter mode' }).count()).toBe(1);
    await expect.poll(() => page.locator('.stack-editor').isVisible()).toBe(false);
    expect(await page.getByRole('form', { name: 'Export the diagram' }).isVisible()).toBe(false);
    // The pane settles after presenter mode and the new window size; the drawing is laid out again for it. Waited
    // for together: labels already 18 px can belong to a drawing laid out for the pane's size before it settled.
    await expect
      .poll(async () => {
        const d = await drawnText(page);
        return d.componentLabel >= 18 && Math.abs(d.width - d.pane) <= 2;
      })
      .toBe(true);
    const projector = await drawnText(page);
    expect(Math.abs(projector.width - projector.pane)).toBeLessThanOrEqual(2);
    expect(projector.componentLine).toBeGreaterThanOrEqual(18);
    expect(projector.heading).toBeGreaterThanOrEqual(18);
    expect(projector.any).toBeGreaterThanOrEqual(16.2);
    await screenshot(page, 'stack-presenter-1280x720');
    // The drawing takes the screen's width and most of its height.
    const canvas = (await page.locator('.canvas-viewport').boundingBox())!;
    expect(canvas.width).toBeGreaterThan(1100);
    expect(canvas.y + canvas.height).toBeLessThanOrEqual(720);
    expect(canvas.height).toBeGreaterThan(400);
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect.poll(async () => Math.abs((await drawnText(page)).width - (await drawnText(page)).pane)).toBeLessThanOrEqual(2);
    expect((await drawnText(page)).componentLabel).toBeGreaterThanOrEqual(18);
    await screenshot(page, 'stack-presenter-1440x900');

    // Leaving presenter mode lays the drawing out for the desk again.
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(async () => (await drawnText(page)).componentLabel).toBeLessThan(18);
    expect((await drawnText(page)).componentLabel).toBeGreaterThanOrEqual(12);
    await context.close();
  });
});
