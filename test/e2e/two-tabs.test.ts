// The same workshop open in two tabs: the second save finds the workshop changed and says so in a bar that fits,
// with both ways out: keep this tab's edits (saved over the other version) or take the other version, and a
// comparison of the two first. Answers and the Setup step's details alike.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createWorkshopInUi, expectNoSeriousA11yIssues, openApp, useAppUnderTest, waitSaved, stepRail as rail, UTILIZATION_QUESTION as UTILIZATION } from './support/app';
import { screenshot } from './support/browser';

const utilization = (page: Page) => page.getByRole('textbox', { name: UTILIZATION, exact: true });
const detail = (page: Page, label: 'Organisation' | 'Facilitator') => page.getByRole('textbox', { name: label, exact: true });
const conflictAlert = (page: Page) => page.getByRole('alert').filter({ hasText: 'This workshop was changed in another tab or window.' });
const conflictBar = (page: Page) => page.locator('.conflict-bar').filter({ has: conflictAlert(page) });
const comparison = (page: Page) => page.getByRole('region', { name: 'This tab and the other version compared' });

/** The comparison's rows as [what, this tab, other version]. */
async function compared(page: Page): Promise<string[][]> {
  return comparison(page)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
}

/** Fails when any text of the workshop bar or the conflict bar is cut off or pushed past the window's edge. */
async function expectBarsFit(page: Page): Promise<void> {
  const overflowing = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('.workshop-bar *, .conflict-bar *')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 0.5 || el.scrollWidth > el.clientWidth + 1);
      })
      .filter((el) => !el.closest('.conflict-compare') || el.classList.contains('conflict-compare'))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 60)}`);
  });
  expect(overflowing).toEqual([]);
}

/**
 * At 1440×900 no serious accessibility issue, and a screenshot; then at 1024×768 the bars fit, and a screenshot
 * (`shot` and the size name them). The page stays at 1024×768.
 */
async function checkAtBothSizes(page: Page, where: string, shot: string): Promise<void> {
  await expectNoSeriousA11yIssues(page, where);
  await screenshot(page, `${shot}-1440x900`);
  await page.setViewportSize({ width: 1024, height: 768 });
  await expectBarsFit(page);
  await screenshot(page, `${shot}-1024x768`);
}

async function typeDetails(page: Page, details: Partial<Record<'Organisation' | 'Facilitator', string>>): Promise<void> {
  for (const [label, value] of Object.entries(details)) await detail(page, label as 'Organisation').fill(value);
}

/** Keeps `tab`'s edits from its conflict bar: saved over the other version, the conflict gone; then `other` reloads. */
async function keepThisTabsEdits(tab: Page, other: Page): Promise<void> {
  await conflictBar(tab).getByRole('button', { name: 'Keep this tab’s edits' }).click();
  await waitSaved(tab);
  expect(await conflictAlert(tab).count()).toBe(0);
  await other.reload();
}

async function answer(page: Page, value: string): Promise<void> {
  await utilization(page).fill(value);
  await page.getByRole('heading', { name: 'Organisation', level: 2 }).click();
}

describe('two tabs on one workshop', () => {
  const app = useAppUnderTest();

  it('says when the other tab saved first, and keeps this tab’s edits or takes the other version, as chosen', async () => {
    const { context, page: first } = await openApp(app);
    await createWorkshopInUi(first, 'Contoso two tabs');
    await rail(first).getByRole('button', { name: /Organisation/ }).click();
    // The second tab opens the same workshop from the printed address and the list.
    const second = await context.newPage();
    await second.goto(app.host.url);
    await second.getByRole('link', { name: 'Contoso two tabs' }).click();
    await rail(second).getByRole('button', { name: /Organisation/ }).click();

    await answer(first, '0.4');
    await waitSaved(first);
    await answer(second, '0.7');
    const bar = conflictAlert(second);
    await expect.poll(() => bar.count(), { timeout: 10_000 }).toBe(1);
    await checkAtBothSizes(second, 'conflict bar', 'two-tabs-conflict');
    // Compare lists the answer as this tab has it and as the other tab saved it.
    await second.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(() => compared(second)).toContainEqual([UTILIZATION, '0.7', '0.4']);
    await expectBarsFit(second);
    await screenshot(second, 'two-tabs-conflict-compare-answers-1024x768');
    await second.setViewportSize({ width: 1440, height: 900 });

    // Keep this tab's edits: saved over the other version, which the first tab sees after a reload.
    await keepThisTabsEdits(second, first);
    await expect.poll(() => utilization(first).inputValue()).toBe('0.7');

    // And the other way: the first tab saves, the second takes that version.
    await answer(first, '0.2');
    await waitSaved(first);
    await answer(second, '0.9');
    await expect.poll(() => bar.count(), { timeout: 10_000 }).toBe(1);
    await second.getByRole('button', { name: 'Take the other version' }).click();
    await expect.poll(() => utilization(second).inputValue()).toBe('0.2');
    await waitSaved(second);
    await context.close();
  });

  it('refuses the second tab’s details over the first one’s, compares them field by field, and keeps or takes them as chosen', async () => {
    const { context, page: first } = await openApp(app);
    await createWorkshopInUi(first, 'Contoso details');
    const second = await context.newPage();
    await second.goto(app.host.url);
    await second.getByRole('link', { name: 'Contoso details' }).click();
    await expect.poll(() => detail(second, 'Organisation').count()).toBe(1);

    // Both tabs change the organisation and the facilitator; the first saves first.
    await typeDetails(first, { Organisation: 'Fabrikam', Facilitator: 'K. Lee' });
    await waitSaved(first);
    await typeDetails(second, { Organisation: 'Contoso', Facilitator: 'M. Okafor' });
    const bar = conflictBar(second);
    await expect.poll(() => bar.count(), { timeout: 10_000 }).toBe(1);
    expect(await bar.getByRole('alert').textContent()).toContain('the organisation and facilitator were changed in both');
    expect(await second.getByRole('status').filter({ hasText: 'Not saved: changed elsewhere' }).count()).toBe(1);
    // This tab's text stays in the form while the person chooses.
    expect(await detail(second, 'Organisation').inputValue()).toBe('Contoso');
    await expectNoSeriousA11yIssues(second, 'details conflict bar');
    await screenshot(second, 'two-tabs-details-conflict-1440x900');

    await bar.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(() => compared(second)).toEqual([
      ['Organisation', 'Contoso', 'Fabrikam'],
      ['Facilitator', 'M. Okafor', 'K. Lee'],
    ]);
    expect(await bar.getByRole('button', { name: 'Hide comparison' }).getAttribute('aria-expanded')).toBe('true');
    await checkAtBothSizes(second, 'details comparison', 'two-tabs-details-compare');
    await bar.getByRole('button', { name: 'Hide comparison' }).click();
    await expectBarsFit(second);
    await screenshot(second, 'two-tabs-details-conflict-1024x768');
    await second.setViewportSize({ width: 1440, height: 900 });

    // Keep this tab's edits: saved over the other version, as the first tab sees after a reload.
    await keepThisTabsEdits(second, first);
    await expect.poll(() => detail(first, 'Organisation').inputValue()).toBe('Contoso');
    expect(await detail(first, 'Facilitator').inputValue()).toBe('M. Okafor');

    // Take the other version: the first tab saves again, the second takes that and drops its own edit.
    await typeDetails(first, { Organisation: 'Northwind', Facilitator: 'A. Adeyemi' });
    await waitSaved(first);
    await typeDetails(second, { Organisation: 'Tailspin' });
    await expect.poll(() => bar.count(), { timeout: 10_000 }).toBe(1);
    await bar.getByRole('button', { name: 'Take the other version' }).click();
    await expect.poll(() => detail(second, 'Organisation').inputValue()).toBe('Northwind');
    expect(await detail(second, 'Facilitator').inputValue()).toBe('A. Adeyemi');
    await waitSaved(second);
    await second.reload();
    await expect.poll(() => detail(second, 'Organisation').inputValue()).toBe('Northwind');
    expect(await detail(second, 'Facilitator').inputValue()).toBe('A. Adeyemi');

    // One tab changes the organisation, the other the facilitator: no conflict, both kept.
    await typeDetails(first, { Organisation: 'Woodgrove' });
    await waitSaved(first);
    await typeDetails(second, { Facilitator: 'R. Patel' });
    await waitSaved(second);
    expect(await bar.count()).toBe(0);
    await expect.poll(() => detail(second, 'Organisation').inputValue()).toBe('Woodgrove');
    await first.reload();
    await expect.poll(() => detail(first, 'Facilitator').inputValue()).toBe('R. Patel');
    expect(await detail(first, 'Organisation').inputValue()).toBe('Woodgrove');
    await context.close();
  });
});
