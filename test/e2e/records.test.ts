import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/api';
import { openApp, useAppUnderTest, waitSaved } from './support/app';
import { screenshot, seriousAxeViolations } from './support/browser';

describe('the Records step', () => {
  const app = useAppUnderTest();
  let folder: string;

  beforeAll(async () => {
    const host = app.host;
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-records-'));
    const w = await callApi<{ id: string }>(host, 'workshops.create', { title: 'Tailspin records', facilitator: 'M. Ito' });
    const p = { id: randomUUID(), name: 'M. Ito', role: 'CTO', involvement: 'decision-maker' };
    await callApi(host, 'workshopState.save', {
      id: w.id,
      baseRevision: 0,
      state: {
        participants: [p],
        answers: { existingOnPremCapacity: 'none', opsExpertise: 'low', workloadPattern: 'bursty', timeToValue: 'urgent' },
        useCases: [
          {
            id: randomUUID(),
            name: 'Loyalty offers',
            description: 'Next-best offers for loyalty members, scored overnight.',
            answers: { task: 'recommendation', usage: 'batch', dataSensitivity: 'public', requestsPerMonthNow: 100_000, requestsPerMonthInProduction: 2_000_000 },
            dontKnow: [],
            notes: {},
            roomChoices: {},
          },
        ],
        dontKnow: [],
        notes: {},
        weights: {},
        roomChoices: {},
      },
    });
  });

  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('saves a milestone, shows what a changed answer moved, and exports MADR records into a folder', async () => {
    const { context, page } = await openApp(app);
    await page.getByRole('link', { name: 'Tailspin records' }).click();
    const rail = page.getByRole('navigation', { name: 'Workshop steps' });
    await rail.getByRole('button', { name: /Records/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Decision records' }).count()).toBe(1);

    await page.getByLabel('Name', { exact: true }).fill('Before the CISO joined');
    await page.getByRole('button', { name: 'Save milestone' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Saved milestones' }).getByText('Before the CISO joined').count()).toBe(1);

    // Change a use case's answer in the roadmap.
    await rail.getByRole('button', { name: /Use cases/ }).click();
    await page.getByLabel('Sensitivity of Loyalty offers', { exact: true }).selectOption('regulated');
    await waitSaved(page);

    await rail.getByRole('button', { name: /Records/ }).click();
    await page.getByRole('button', { name: 'Compare' }).click();
    const comparison = page.locator('.comparison');
    // The comparison names the use case whose answer moved.
    await expect.poll(() => comparison.getByRole('listitem').filter({ hasText: 'Loyalty offers' }).filter({ hasText: 'public → regulated' }).count()).toBe(1);
    await screenshot(page, 'records-comparison-1440x900');

    // Accept the deployment record, then export MADR into a folder that already holds a record.
    await page.getByRole('button', { name: 'Mark Deployment accepted' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Deployment/ }).getByText('Accepted', { exact: true }).count()).toBe(1);
    fs.writeFileSync(path.join(folder, '0001-use-git.md'), '# 1. Use git\n');
    await page.getByLabel('Folder').fill(folder);
    await page.getByRole('button', { name: 'Export' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Wrote to' }).count()).toBe(1);
    expect(fs.readFileSync(path.join(folder, '0001-use-git.md'), 'utf8')).toBe('# 1. Use git\n');
    const deployment = fs.readFileSync(path.join(folder, '0002-deployment.md'), 'utf8');
    expect(deployment).toMatch(/^---\nstatus: accepted\n/);
    expect(deployment).toContain('## Decision Outcome');
    expect(fs.existsSync(path.join(folder, 'index.md'))).toBe(true);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'records-1440x900');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'records-1024x768');
    await context.close();
  });

  it('exports the whole workshop as JSON, opens that file again as the same workshop, and an edited one as a copy', async () => {
    const { context, page } = await openApp(app, { acceptDownloads: true });
    await page.getByRole('link', { name: 'Tailspin records' }).click();
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Records/ }).click();
    await page.getByLabel('Format').selectOption('json');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toBe('tailspin-records-workshop.stratum.json');
    const exported = fs.readFileSync((await download.path())!);
    await page.getByRole('link', { name: '← Workshops' }).click();
    const listed = await page.locator('.workshop-title').count();
    // The file holds exactly what is here: the workshop is shown as it is, and nothing is added.
    await page.getByLabel('Workshop file to open').setInputFiles({ name: 'tailspin.stratum.json', mimeType: 'application/json', buffer: exported });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Opened “Tailspin records”: it was already here, unchanged.' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Tailspin records' }).count()).toBe(1);
    await page.getByRole('link', { name: '← Workshops' }).click();
    await expect.poll(() => page.locator('.workshop-title').count()).toBe(listed);
    // Edited elsewhere since: it opens as a copy, next to the workshop already here.
    const edited = JSON.parse(exported.toString('utf8')) as { workshop: { description: string } };
    edited.workshop.description = 'Edited on another laptop.';
    await page.getByLabel('Workshop file to open').setInputFiles({ name: 'tailspin-edited.stratum.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
    await expect.poll(() => page.getByRole('heading', { name: 'Tailspin records (copy)' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'so the file was opened as a copy: “Tailspin records (copy)”.' }).count()).toBe(1);
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Use cases/ }).click();
    expect(await page.getByLabel('Sensitivity of Loyalty offers', { exact: true }).inputValue()).toBe('regulated');
    // The PDF report downloads as a real PDF (printed by headless Chromium in browser mode).
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Records/ }).click();
    // The copy's accepted deployment can be superseded by the original's: the menu stays inside its card.
    const supersede = page.getByLabel('Deployment superseded by');
    await expect.poll(() => supersede.count()).toBe(1);
    const menu = (await supersede.boundingBox())!;
    const card = (await page.locator('.card').filter({ has: supersede }).boundingBox())!;
    expect(menu.x + menu.width).toBeLessThanOrEqual(card.x + card.width);
    await page.getByLabel('Format').selectOption('pdf');
    const [pdfDownload] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Export' }).click()]);
    expect(pdfDownload.suggestedFilename()).toBe('tailspin-records-copy-report.pdf');
    expect(fs.readFileSync((await pdfDownload.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The same edited file opened again shows that copy: no second identical one.
    await page.getByRole('link', { name: '← Workshops' }).click();
    await expect.poll(() => page.locator('.workshop-title').count()).toBe(listed + 1);
    await page.getByLabel('Workshop file to open').setInputFiles({ name: 'tailspin-edited.stratum.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Opened “Tailspin records (copy)”: it was already here, unchanged.' }).count()).toBe(1);
    await page.getByRole('link', { name: '← Workshops' }).click();
    await expect.poll(() => page.locator('.workshop-title').count()).toBe(listed + 1);
    // A file that is not a workshop is refused with a message, and nothing is added.
    const before = await page.locator('.workshop-title').count();
    await page.getByLabel('Workshop file to open').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else"}') });
    await expect.poll(() => page.getByText(/notes\.json could not be opened/).count()).toBe(1);
    expect(await page.locator('.workshop-title').count()).toBe(before);
    // A picture chosen by mistake is named as what it is, with none of its bytes shown.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    await page.getByLabel('Workshop file to open').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
    const refusal = page.getByText(/^photo\.png could not be opened/);
    await expect.poll(() => refusal.count()).toBe(1);
    expect(await refusal.textContent()).toBe('photo.png could not be opened: This is a PNG image, not a Stratum workshop file. Stratum opens the .stratum.json files it exports (Records > Whole workshop).');
    expect(await page.locator('.workshop-title').count()).toBe(before);
    await context.close();
  });
});

