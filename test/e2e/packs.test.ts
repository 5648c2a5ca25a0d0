import { describe, expect, it } from 'vitest';
import { northwindRiskPack } from '../fixtures/packs/northwind-risk';
import { expectNoSeriousA11yIssues, useAppUnderTest } from './support/app';
import { screenshot } from './support/browser';

/** The team pack's file, as the room would pick it. */
const teamPack = (version: string): Buffer => Buffer.from(JSON.stringify(northwindRiskPack(version), null, 2));

describe('rule packs', () => {
  const app = useAppUnderTest();

  it('imports a team pack, shows what it changes, refuses a bad file with its reasons, and removes the pack', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(app.host.url);
    await page.getByRole('link', { name: 'Rule packs' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Rule packs', level: 1 }).count()).toBe(1);
    const list = page.getByRole('list', { name: 'Rule packs' });
    await expect.poll(() => list.locator(':scope > li').count()).toBe(1);
    expect(await list.locator(':scope > li').first().textContent()).toContain('Built in');

    const file = page.getByLabel('Rule pack file to import');
    await file.setInputFiles({ name: 'northwind-risk.json', mimeType: 'application/json', buffer: teamPack('1.0.0') });
    await expect.poll(() => list.locator(':scope > li').count()).toBe(2);
    // A new pack opens on what it changes.
    const changes = page.getByRole('region', { name: /What Northwind risk function 1\.0\.0 changes against/ });
    await expect.poll(() => changes.count()).toBe(1);
    const text = (await changes.textContent()) ?? '';
    expect(text).toContain('regulator.no-public-region: Our regulator does not allow regulated data in a public cloud region.');
    expect(text).toContain('serving-placement.tight-latency-favours-local-serving: condition (latencyP95Ms < 20 → < 10)');
    expect(text).toContain('High on serving-placement: Regulated data must stay out of public regions.');
    expect(text).toContain('Compliance: 4 → 5');
    await expectNoSeriousA11yIssues(page, 'rule packs with a comparison');
    await screenshot(page, 'packs-1440x900');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'packs-1024x768');
    await page.setViewportSize({ width: 1440, height: 900 });

    // The same file again is the same pack; a broken one is refused with the lines pack validate prints, and nothing is added.
    await file.setInputFiles({ name: 'copy.json', mimeType: 'application/json', buffer: teamPack('1.0.0') });
    await expect.poll(() => page.getByText('Northwind risk function 1.0.0 is already here, exactly as in this file.').count()).toBe(1);
    const broken = JSON.parse(teamPack('1.1.0').toString());
    broken.rules.at(-1).effects[0].option = 'the-cloud';
    await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const alert = page.getByRole('alert').filter({ hasText: 'broken.json is not a valid rule pack; nothing was imported.' });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toContain('unknown option of decision "serving-placement"; found: "the-cloud"');
    await screenshot(page, 'packs-refused-1440x900');
    expect(await list.locator(':scope > li').count()).toBe(2);

    // Removing asks first, with the focus on keeping it; Escape keeps it and gives the focus back.
    const removeButton = page.getByRole('button', { name: 'Remove Northwind risk function 1.0.0' });
    await removeButton.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Keep');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('group', { name: 'Remove Northwind risk function 1.0.0?' }).count()).toBe(0);
    await expect.poll(() => removeButton.evaluate((b) => b === document.activeElement)).toBe(true);
    // Then removed for good: the built-in pack is alone again, with no way to remove it.
    await removeButton.click();
    await page.getByRole('group', { name: 'Remove Northwind risk function 1.0.0?' }).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => list.locator(':scope > li').count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('packs-title');
    await context.close();
  });
});
