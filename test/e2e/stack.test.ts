import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/api';
import { useAppUnderTest, waitSaved } from './support/app';
import { screenshot, seriousAxeViolations } from './support/browser';

const bank = JSON.parse(fs.readFileSync(new URL('../fixtures/workshops/regulated-bank.json', import.meta.url), 'utf8')) as {
  answers: Record<string, unknown>;
  useCases: Array<{ name: string; description?: string; answers: Record<string, unknown> }>;
};
const useCases = bank.useCases.map((u) => ({ id: randomUUID(), name: u.name, description: u.description ?? '', answers: u.answers, dontKnow: [], notes: {}, roomChoices: {} }));

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
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(app.host.url);
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
});
