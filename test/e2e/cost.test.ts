import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import pack from '../../shared/packs/default.json';
import { answerQuestion, createWorkshopInUi, expectNoSeriousA11yIssues, useAppUnderTest, waitSaved, type PackFactor } from './support/app';
import { screenshot } from './support/browser';

// Only the workload's scale: the volumes the cost model needs, a busy fleet, some interruptible training.
const SCALE_ANSWERS: Record<string, string | number> = {
  sustainedGpuUtilization: 0.7,
  monthlyTrainingGpuHours: 2000,
  monthlyInferenceRequests: 5000000,
  interruptionTolerance: 'some',
  egressTbPerMonth: 20,
};

const factor = (id: string) => (pack.factors as PackFactor[]).find((f) => f.id === id)!;

const rail = (page: Page) => page.getByRole('navigation', { name: 'Workshop steps' });
const recommendation = (page: Page) => page.locator('.cost-recommendation').textContent();
const costMoves = (page: Page) => page.locator('.cost-moves').textContent();
const curveSummary = (page: Page) => page.getByRole('img', { name: /^Monthly cost against sustained utilization/ }).getAttribute('aria-label');

describe('the Cost step', () => {
  const app = useAppUnderTest();

  it('prices the workload, follows an assumption into the recommendation, and refuses values out of range', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(app.host.url);
    await createWorkshopInUi(page, 'Contoso GPU budget');

    // Empty state: the Cost step says which Context answers it needs, and links there.
    await rail(page).getByRole('button', { name: /Cost/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Cost', level: 2 }).count()).toBe(1);
    await expect.poll(() => page.getByText(factor('monthlyTrainingGpuHours').prompt).count()).toBe(1);
    await expect.poll(() => page.getByText(factor('monthlyInferenceRequests').prompt).count()).toBe(1);
    await expectNoSeriousA11yIssues(page, 'cost, empty');
    await screenshot(page, 'cost-empty-1440x900');
    await page.getByRole('link', { name: 'Answer them in Context' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Context', level: 2 }).count()).toBe(1);

    for (const [id, value] of Object.entries(SCALE_ANSWERS)) await answerQuestion(page, factor(id), value);
    await waitSaved(page);

    // The figures: cards per option, the breakdown table, both charts, the recommendation with the cost model's move.
    await rail(page).getByRole('button', { name: /Cost/ }).click();
    await expect.poll(() => page.getByRole('img', { name: /^Monthly cost against sustained utilization/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('img', { name: /^Monthly cost from pilot to production volume/ }).count()).toBe(1);
    expect(await page.locator('.cost-step svg[role="img"] path[d^="M"]').count()).toBe(6);
    expect(await page.locator('.breakeven-marker').textContent()).toMatch(/^breakeven \d+%$/);
    expect(await page.locator('.current-marker').textContent()).toBe('stated utilization 70%');
    const table = page.getByRole('table');
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Part', 'Public cloud', 'On-premises', 'Hybrid']);
    expect(await table.getByRole('row', { name: /^Total/ }).textContent()).toMatch(/Total[\d,]+[\d,]+[\d,]+/);
    const cards = page.getByRole('list', { name: 'Monthly cost per option' }).getByRole('listitem');
    expect(await cards.count()).toBe(3);
    expect(await page.getByText('Cheapest at production').count()).toBe(1);
    expect(await recommendation(page)).toBe('On-premises');
    const movesBefore = await costMoves(page);
    expect(movesBefore).toMatch(/^Public cloud −0\.\d{3} · On-premises \+0\.\d{3} · Hybrid [+−]0\.\d{3}$/);

    // A budget makes alerts appear, in words as well as colour.
    expect(await page.getByText('No monthly budget is set').count()).toBe(1);
    await page.getByLabel('Monthly budget', { exact: true }).fill('60000');
    await expect.poll(() => page.getByRole('list', { name: 'Budget alerts' }).getByRole('listitem').count()).toBe(2);
    const alerts = await page.getByRole('list', { name: 'Budget alerts' }).textContent();
    expect(alerts).toMatch(/Within budget|Warning: 80% of budget or more|Over budget/);
    expect(alerts).toContain('Production volume (10×)');
    await waitSaved(page);

    await expectNoSeriousA11yIssues(page, 'cost');
    await page.getByRole('heading', { name: 'Assumptions' }).click();
    const toTop = () => page.locator('#step-content').evaluate((el) => el.scrollTo(0, 0));
    await toTop();
    await screenshot(page, 'cost-1440x900');
    await page.setViewportSize({ width: 1024, height: 768 });
    await toTop();
    await screenshot(page, 'cost-1024x768');
    // The whole step at once, for a person to look over.
    await page.setViewportSize({ width: 1440, height: 2700 });
    await screenshot(page, 'cost-full-1440');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Cheaper cloud capacity: the figures, the chart, the cost model's move and the recommendation all follow.
    const summaryBefore = await curveSummary(page);
    const cloudTotalBefore = await cards.first().locator('.cost-figure').textContent();
    await page.getByLabel('Cloud accelerator price (on demand)', { exact: true }).fill('2');
    await expect.poll(() => recommendation(page)).toBe('Hybrid');
    expect(await costMoves(page)).not.toBe(movesBefore);
    expect(await curveSummary(page)).not.toBe(summaryBefore);
    expect(await cards.first().locator('.cost-figure').textContent()).not.toBe(cloudTotalBefore);
    expect(await page.locator('.cost-reason').textContent()).toMatch(/USD a month/);
    await waitSaved(page);

    // Out of range: the field says what is allowed and the value is not saved.
    const spot = page.getByLabel('Spot discount', { exact: true });
    await spot.fill('1.2');
    const message = page.getByRole('alert').filter({ hasText: 'Spot discount must be a number between 0.6 and 0.9 (fraction off the on-demand price).' });
    await expect.poll(() => message.count()).toBe(1);
    expect(await spot.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('heading', { name: 'Assumptions' }).click();
    expect(await message.count()).toBe(1);
    await expectNoSeriousA11yIssues(page, 'cost, invalid field');
    await spot.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'cost-invalid-1440x900');

    // The decision page cites the cost model among the reasons.
    await page.getByRole('link', { name: 'Open the Deployment decision' }).click();
    await expect.poll(() => page.getByText(/Cost model: relative cost/).count()).toBeGreaterThan(0);
    await page.getByText(/Cost model: relative cost/).first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'cost-decision-reason-1440x900');

    // After a reload: the cloud price and budget were saved, the out-of-range spot discount was not.
    await page.reload();
    await rail(page).getByRole('button', { name: /Cost/ }).click();
    await expect.poll(() => page.getByLabel('Cloud accelerator price (on demand)', { exact: true }).inputValue()).toBe('2');
    expect(await page.getByLabel('Spot discount', { exact: true }).inputValue()).toBe('0.7');
    expect(await page.getByLabel('Monthly budget', { exact: true }).inputValue()).toBe('60000');
    expect(await recommendation(page)).toBe('Hybrid');

    // Reset to default brings the default price and the first recommendation back.
    await page.getByRole('button', { name: 'Reset to default: Cloud accelerator price (on demand) (4)' }).click();
    await expect.poll(() => page.getByLabel('Cloud accelerator price (on demand)', { exact: true }).inputValue()).toBe('4');
    await expect.poll(() => recommendation(page)).toBe('On-premises');
    expect(await costMoves(page)).toBe(movesBefore);
    await waitSaved(page);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
