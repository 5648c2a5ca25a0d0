// Number fields read what people type (separators, a decimal comma, "1.5M", "55%" for a fraction) and never
// save a value nobody entered: a refused text keeps its message, and the value from before stays saved.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { createWorkshopInUi, expectNoSeriousA11yIssues, openApp, useAppUnderTest, waitSaved, stepRail as rail, UTILIZATION_QUESTION } from './support/app';
import { screenshot } from './support/browser';


const SPARE_QUESTION = 'How many accelerators you already own are free for this AI work?';

async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.press('Backspace');
  await field.pressSequentially(text);
  await field.press('Tab');
}

describe('number fields', () => {
  const app = useAppUnderTest();

  it('read separators, a decimal comma, a scale and a percentage, and keep a refused entry unsaved with its message', async () => {
    const { context, page } = await openApp(app, { locale: 'en-GB' });
    await createWorkshopInUi(page, 'Contoso numbers');

    // Use cases: a volume typed with separators, then with a scale.
    await rail(page).getByRole('button', { name: /Use cases/ }).click();
    await page.getByLabel('Start from a typical use case').selectOption({ label: 'Fraud scoring' });
    await page.getByRole('button', { name: 'Add it' }).click();
    const production = page.getByLabel('Requests a month in production of Fraud scoring', { exact: true });
    const now = page.getByLabel('Requests a month now of Fraud scoring', { exact: true });
    await typeInto(production, '30,000,000');
    await expect.poll(() => production.inputValue()).toBe('30,000,000');
    await typeInto(now, '1.5M');
    await expect.poll(() => now.inputValue()).toBe('1,500,000');
    // A mistyped group is refused, not read as 30: the message stays after the field is left.
    await typeInto(now, '30,0000');
    const nowError = page.getByRole('alert').filter({ hasText: 'Requests a month now: Enter a number, such as 2,000,000, 1.5M or 0.5. Not saved: still 1,500,000.' });
    await expect.poll(() => nowError.count()).toBe(1);
    expect(await now.inputValue()).toBe('30,0000');
    await expectNoSeriousA11yIssues(page, 'use cases, refused number');
    await screenshot(page, 'numbers-refused-use-case-1440x900');
    await waitSaved(page);

    // Organisation: a decimal comma and a percentage where a fraction is asked.
    await rail(page).getByRole('button', { name: /Organisation/ }).click();
    const utilization = page.getByRole('textbox', { name: UTILIZATION_QUESTION, exact: true });
    await typeInto(utilization, '0,55');
    await expect.poll(() => utilization.inputValue()).toBe('0.55');
    await typeInto(utilization, '62%');
    await expect.poll(() => utilization.inputValue()).toBe('0.62');
    await waitSaved(page);

    // "Don't know yet", then in one edit a number and a refused text: the question goes back to "don't know yet",
    // not to an empty answer nobody chose.
    const spare = page.getByRole('textbox', { name: SPARE_QUESTION, exact: true });
    const spareDontKnow = page.locator('article').filter({ has: spare }).getByRole('button', { name: 'Don’t know yet' });
    await spareDontKnow.click();
    await expect.poll(() => spareDontKnow.getAttribute('aria-pressed')).toBe('true');
    await waitSaved(page);
    await spare.click();
    await spare.pressSequentially('4');
    await expect.poll(() => spareDontKnow.getAttribute('aria-pressed')).toBe('false');
    await spare.pressSequentially('x');
    await spare.press('Tab');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Not saved: still “don’t know yet”.' }).count()).toBe(1);
    expect(await spareDontKnow.getAttribute('aria-pressed')).toBe('true');
    await waitSaved(page);

    // Cost: typed key by key, "0.95" passes through an allowed "0.9" on its way to a refused value.
    await rail(page).getByRole('button', { name: /Cost/ }).click();
    const spot = page.getByLabel('Spot discount', { exact: true });
    const before = await spot.inputValue();
    await typeInto(spot, '0.95');
    const spotError = page.getByRole('alert').filter({ hasText: 'Spot discount must be a number between 0.6 and 0.9' });
    await expect.poll(() => spotError.count()).toBe(1);
    expect(await spotError.textContent()).toContain(`Not saved: the model still uses ${before}.`);
    await waitSaved(page);

    // After a reload: what was entered whole is saved; what was refused never was, nor any part of it.
    await page.reload();
    await rail(page).getByRole('button', { name: /Cost/ }).click();
    await expect.poll(() => page.getByLabel('Spot discount', { exact: true }).inputValue()).toBe(before);
    await rail(page).getByRole('button', { name: /Use cases/ }).click();
    await expect.poll(() => page.getByLabel('Requests a month in production of Fraud scoring', { exact: true }).inputValue()).toBe('30,000,000');
    expect(await page.getByLabel('Requests a month now of Fraud scoring', { exact: true }).inputValue()).toBe('1,500,000');
    await rail(page).getByRole('button', { name: /Organisation/ }).click();
    await expect.poll(() => page.getByRole('textbox', { name: UTILIZATION_QUESTION, exact: true }).inputValue()).toBe('0.62');
    const spareAfter = page.getByRole('textbox', { name: SPARE_QUESTION, exact: true });
    expect(await spareAfter.inputValue()).toBe('');
    expect(await page.locator('article').filter({ has: spareAfter }).getByRole('button', { name: 'Don’t know yet' }).getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });
});
