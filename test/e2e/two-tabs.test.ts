// The same workshop open in two tabs: the second save finds the workshop changed and says so in a bar that fits,
// with both ways out: keep this tab's edits (saved over the other version) or take the other version.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createWorkshopInUi, expectNoSeriousA11yIssues, useAppUnderTest, waitSaved, stepRail as rail, UTILIZATION_QUESTION as UTILIZATION } from './support/app';
import { screenshot } from './support/browser';

const utilization = (page: Page) => page.getByRole('textbox', { name: UTILIZATION, exact: true });

async function answer(page: Page, value: string): Promise<void> {
  await utilization(page).fill(value);
  await page.getByRole('heading', { name: 'Organisation', level: 2 }).click();
}

describe('two tabs on one workshop', () => {
  const app = useAppUnderTest();

  it('says when the other tab saved first, and keeps this tab’s edits or takes the other version, as chosen', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const first = await context.newPage();
    await first.goto(app.host.url);
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
    const bar = second.getByRole('alert').filter({ hasText: 'This workshop was changed in another tab or window.' });
    await expect.poll(() => bar.count(), { timeout: 10_000 }).toBe(1);
    await expectNoSeriousA11yIssues(second, 'conflict bar');
    await screenshot(second, 'two-tabs-conflict-1440x900');
    await second.setViewportSize({ width: 1024, height: 768 });
    await screenshot(second, 'two-tabs-conflict-1024x768');
    await second.setViewportSize({ width: 1440, height: 900 });

    // Keep this tab's edits: saved over the other version, which the first tab sees after a reload.
    await second.getByRole('button', { name: 'Keep this tab’s edits' }).click();
    await waitSaved(second);
    expect(await bar.count()).toBe(0);
    await first.reload();
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
});
