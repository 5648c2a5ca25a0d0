import { describe, expect, it } from 'vitest';
import { northwindRiskPack } from '../fixtures/packs/northwind-risk';
import { expectNoSeriousA11yIssues, openApp, useAppUnderTest } from './support/app';
import { screenshot } from './support/browser';

/** The team pack's file, as the room would pick it. */
const teamPack = (version: string): Buffer => Buffer.from(JSON.stringify(northwindRiskPack(version), null, 2));
/** Version 1.1.0 no longer favours a single cloud: a new workshop's cloud strategy moves. */
const teamPackNext = (): Buffer =>
  Buffer.from(
    JSON.stringify(
      northwindRiskPack('1.1.0', (p) => {
        const single = p.decisions.find((d) => d.id === 'cloud-strategy')!.options.find((o) => o.id === 'single-cloud')!;
        single.baseline = Object.fromEntries(Object.keys(single.baseline ?? {}).map((c) => [c, 0]));
      }),
    ),
  );

describe('rule packs', () => {
  const app = useAppUnderTest();

  it('imports a team pack, shows what it changes, refuses a bad file with its reasons, and removes the pack', async () => {
    const { context, page } = await openApp(app);
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

  it('creates a workshop on a team pack, previews a move to its next version, moves with a milestone, and keeps a pack in use', async () => {
    const { context, page } = await openApp(app);
    await page.getByRole('link', { name: 'Rule packs' }).click();
    const file = page.getByLabel('Rule pack file to import');
    const list = page.getByRole('list', { name: 'Rule packs' });
    await file.setInputFiles({ name: 'northwind-risk-1.0.0.json', mimeType: 'application/json', buffer: teamPack('1.0.0') });
    await expect.poll(() => list.locator(':scope > li').count()).toBe(2);
    await file.setInputFiles({ name: 'northwind-risk-1.1.0.json', mimeType: 'application/json', buffer: teamPackNext() });
    await expect.poll(() => list.locator(':scope > li').count()).toBe(3);

    // The new workshop chooses the team's pack.
    await page.getByRole('link', { name: 'Stratum' }).click();
    await page.getByRole('button', { name: 'New workshop' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New workshop' });
    await dialog.getByLabel('Title').fill('Northwind risk review');
    const packSelect = dialog.getByLabel('Rule pack');
    await expect.poll(() => packSelect.locator('option').count()).toBe(3);
    await packSelect.selectOption({ label: 'Northwind risk function 1.0.0' });
    await expectNoSeriousA11yIssues(page, 'the new workshop dialog with a pack to choose');
    await screenshot(page, 'create-dialog-pack-1440x900');
    await dialog.getByRole('button', { name: 'Create workshop' }).click();

    // Setup says which pack it evaluates with and offers the other version, with what would change.
    const card = page.getByRole('region', { name: 'Rule pack' });
    await expect.poll(() => card.textContent()).toContain('Evaluated with Northwind risk function 1.0.0');
    await card.getByRole('button', { name: 'Preview the move' }).click();
    const changes = card.getByRole('list', { name: 'Recommendations that would change' });
    await expect.poll(() => changes.count()).toBe(1);
    expect(await changes.textContent()).toContain('Cloud strategy: Single cloud →');
    expect(await card.getByLabel('Milestone kept before the move').inputValue()).toBe('Before moving to Northwind risk function 1.1.0');
    await expectNoSeriousA11yIssues(page, 'a pack move previewed');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'pack-move-preview-1440x900');
    await page.setViewportSize({ width: 1024, height: 768 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'pack-move-preview-1024x768');
    await page.setViewportSize({ width: 1440, height: 900 });
    await card.getByRole('button', { name: 'Move to 1.1.0' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toContain('The milestone “Before moving to Northwind risk function 1.1.0” keeps the results from 1.0.0.');
    await expect.poll(() => card.textContent()).toContain('Evaluated with Northwind risk function 1.1.0');

    // The decisions now follow 1.1.0; the milestone is on the Records step.
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Records/ }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Saved milestones' }).textContent()).toContain('Before moving to Northwind risk function 1.1.0');

    // On the Rule packs page, 1.1.0 is in use and stays; 1.0.0 no longer is.
    await page.getByRole('link', { name: 'Rule packs' }).click();
    const row = (version: string) => list.locator(':scope > li').filter({ hasText: `northwind-risk ${version}` });
    await expect.poll(() => row('1.1.0').textContent()).toContain('used by 1 workshop');
    expect(await row('1.0.0').textContent()).toContain('no workshop uses it');
    // Remove stays reachable (aria-disabled), and says why it cannot remove the pack.
    const inUse = page.getByRole('button', { name: 'Remove Northwind risk function 1.1.0' });
    expect(await inUse.getAttribute('aria-disabled')).toBe('true');
    await inUse.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Northwind risk function 1.1.0 cannot be removed: a workshop evaluates with it.', { exact: false }).count()).toBe(1);
    expect(await list.locator(':scope > li').count()).toBe(3);
    await context.close();
  });
});
