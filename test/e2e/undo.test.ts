// Undo and redo are visible: buttons in the workshop bar named for the edit each would take back, a notice naming
// what was undone and on which step (with the way back), text fields that keep their own undo, and a removed
// participant offered back with their weights.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createWorkshopInUi, expectNoSeriousA11yIssues, openApp, useAppUnderTest, waitSaved, stepRail as rail, UTILIZATION_QUESTION as UTILIZATION } from './support/app';
import { screenshot } from './support/browser';

const notice = (page: Page, text: string | RegExp) => page.locator('.notice').filter({ hasText: text });

describe('undo and redo', () => {
  const app = useAppUnderTest();

  it('say what they take back, from any step; text fields keep their own undo; a removal offers the person back', async () => {
    const { context, page } = await openApp(app);
    await createWorkshopInUi(page, 'Contoso undo');
    const undo = page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: /^Undo/ });
    const redo = page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: /^Redo/ });
    expect(await undo.isDisabled()).toBe(true);

    for (const name of ['A. Chen', 'B. Osei']) {
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByRole('button', { name: 'Add participant' }).click();
    }
    await rail(page).getByRole('button', { name: /Priorities/ }).click();
    const cost = page.locator('#weight-cost');
    await cost.focus();
    await page.keyboard.press('End');
    expect(await cost.inputValue()).toBe('5');
    await rail(page).getByRole('button', { name: /Organisation/ }).click();
    await page.getByRole('textbox', { name: UTILIZATION, exact: true }).fill('0.4');
    await waitSaved(page);

    // On Setup, the bar's Undo names the answer given on Organisation; undoing it says so, and where.
    await rail(page).getByRole('button', { name: /Setup/ }).click();
    await expect.poll(() => undo.getAttribute('aria-label')).toMatch(/^Undo the answer to .+$/);
    // Ctrl+Z inside a text field is that field's own undo: nothing else is taken back.
    const draft = page.getByLabel('Name', { exact: true });
    await draft.fill('C. Ruiz');
    await draft.press('ControlOrMeta+z');
    expect(await notice(page, /^Undone/).count()).toBe(0);
    await draft.fill('');
    await page.getByRole('heading', { name: 'Setup', level: 2 }).click();
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => notice(page, `Undone: the answer to “${UTILIZATION}” (Organisation).`).count()).toBe(1);
    await expectNoSeriousA11yIssues(page, 'setup, after an undo');
    await screenshot(page, 'undo-notice-1440x900');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'undo-notice-1024x768');
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect.poll(() => redo.getAttribute('aria-label')).toMatch(/^Redo the answer to /);
    await redo.click();
    await expect.poll(() => notice(page, `Redone: the answer to “${UTILIZATION}” (Organisation).`).count()).toBe(1);
    await waitSaved(page);

    // Removing a participant takes their weights: the notice says so and puts both back.
    await page.getByRole('button', { name: 'Remove A. Chen' }).click();
    await expect.poll(() => notice(page, 'Removed A. Chen and their weights.').count()).toBe(1);
    await notice(page, 'Removed A. Chen').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Remove A. Chen' }).count()).toBe(1);
    // It was taken back as Undo takes a step back: Redo removes them again, and Undo brings them back once more.
    await expect.poll(() => redo.getAttribute('aria-label')).toMatch(/^Redo /);
    await redo.click();
    await expect.poll(() => page.getByRole('button', { name: 'Remove A. Chen' }).count()).toBe(0);
    await page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Remove A. Chen' }).count()).toBe(1);
    await rail(page).getByRole('button', { name: /Priorities/ }).click();
    await page.getByRole('radio', { name: /^A\. Chen/ }).check();
    await expect.poll(() => page.locator('#weight-cost').inputValue()).toBe('5');
    await waitSaved(page);
    await page.reload();
    await rail(page).getByRole('button', { name: /Organisation/ }).click();
    await expect.poll(() => page.getByRole('textbox', { name: UTILIZATION, exact: true }).inputValue()).toBe('0.4');
    await context.close();
  });
});
