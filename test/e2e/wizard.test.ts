import { describe, expect, it } from 'vitest';
import pack from '../../shared/packs/default.json';
import { answerQuestion, createWorkshopInUi, expectNoSeriousA11yIssues, useAppUnderTest, waitSaved, type PackFactor } from './support/app';
import { screenshot } from './support/browser';

// A regulated, latency-sensitive organisation with real on-premises capacity: the answers a hospital group might give.
const ANSWERS: Record<string, string | number | boolean> = {
  dataSensitivity: 'regulated',
  dataResidency: 'in-country',
  regulatoryGeoDistribution: false,
  latencyP95Ms: 40,
  interactiveUseCases: 'most',
  dataFreshness: 'real-time',
  workloadPattern: 'steady',
  sustainedGpuUtilization: 0.7,
  monthlyTrainingGpuHours: 2000,
  monthlyInferenceRequests: 5000000,
  interruptionTolerance: 'some',
  existingOnPremCapacity: 'significant',
  opsExpertise: 'high',
  cloudFootprint: 'one-provider',
  lockInConcern: 'medium',
  bestOfBreedNeed: 'low',
  egressTbPerMonth: 20,
  businessUnits: 4,
  buAutonomyNeed: 'medium',
  governanceMaturity: 'high',
  mlExpertise: 'medium',
  customizationNeed: 'medium',
  timeToValue: 'normal',
};

describe('the workshop wizard, driven as a facilitator would', () => {
  const app = useAppUnderTest();

  it('runs a full workshop, and everything is still there after a reload', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(app.host.url);

    await createWorkshopInUi(page, 'Northwind Health AI platform');

    // Setup: three participants.
    const people = [
      { name: 'A. Chen', role: 'CISO' },
      { name: 'B. Osei', role: 'CFO' },
      { name: 'C. Ruiz', role: 'Head of data science' },
    ];
    for (const p of people) {
      await page.getByLabel('Name', { exact: true }).fill(p.name);
      await page.getByLabel('Role', { exact: true }).fill(p.role);
      await page.getByRole('button', { name: 'Add participant' }).click();
    }
    await page.getByLabel('Involvement of participant 3').selectOption('consulted');
    await waitSaved(page);
    await expectNoSeriousA11yIssues(page, 'setup');
    await screenshot(page, 'wizard-1-setup-1440x900');

    // Context: every question.
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Context/ }).click();
    for (const factor of pack.factors as PackFactor[]) {
      const value = ANSWERS[factor.id];
      expect(value, `an answer for ${factor.id}`).not.toBeUndefined();
      await answerQuestion(page, factor, value!);
    }
    await waitSaved(page);
    const total = (pack.factors as PackFactor[]).length;
    await expect.poll(() => page.getByLabel(`${total} of ${total} questions settled`).count()).toBe(1);
    await expectNoSeriousA11yIssues(page, 'context');
    await screenshot(page, 'wizard-2-context-1440x900');

    // Priorities: each person weighs differently (keyboard steps on the sliders).
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Priorities/ }).click();
    const plans: Record<string, Record<string, number>> = {
      'A. Chen': { control: 5, cost: 1 },
      'B. Osei': { cost: 5, control: 2 },
      'C. Ruiz': { agility: 5, cost: 2 },
    };
    for (const [name, weights] of Object.entries(plans)) {
      await page.getByRole('radio', { name: new RegExp(`^${name}`) }).check();
      for (const [criterion, weight] of Object.entries(weights)) {
        const slider = page.locator(`#weight-${criterion}`);
        if ((await slider.count()) === 0) continue;
        await slider.focus();
        await page.keyboard.press('Home');
        for (let i = 0; i < weight * 2; i++) await page.keyboard.press('ArrowRight');
        expect(await slider.inputValue()).toBe(String(weight));
      }
    }
    await waitSaved(page);
    await expectNoSeriousA11yIssues(page, 'priorities');
    await screenshot(page, 'wizard-3-priorities-1440x900');

    // Decisions: every decision page, with a room override on the first.
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Decisions/ }).click();
    const decisions = pack.decisions as { id: string; title: string; options: { id: string; label: string }[] }[];
    for (const [i, d] of decisions.entries()) {
      await page.getByRole('tab', { name: new RegExp(`^${d.title}`) }).click();
      await expect.poll(() => page.getByRole('heading', { name: d.title, level: 3 }).count()).toBe(1);
      await expectNoSeriousA11yIssues(page, `decision ${d.id}`);
      await screenshot(page, `wizard-4-decision-${i + 1}-${d.id}-1440x900`);
    }
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, `wizard-4-decision-5-1024x768`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('tab', { name: new RegExp(`^${decisions[0]!.title}`) }).click();
    const recommended = await page.getByLabel('Recommendation').locator('.recommendation-option').textContent();
    const other = decisions[0]!.options.find((o) => o.label !== recommended)!;
    await page.getByLabel('Chosen option').selectOption(other.id);
    await page.getByLabel('Reason').fill('The board wants to keep the first year in the existing data centre contract.');
    await page.getByRole('button', { name: 'Record choice' }).click();
    await expect.poll(() => page.getByText('The board wants to keep the first year', { exact: false }).count()).toBeGreaterThan(0);
    await waitSaved(page);
    // What depends on the deployment follows the room's choice: the cloud strategy applies unless it is on-premises.
    expect([decisions[0]!.id, decisions[1]!.id]).toEqual(['deployment', 'cloud-strategy']);
    const cloudTab = page.getByRole('tab', { name: new RegExp(`^${decisions[1]!.title}`) });
    await expect.poll(async () => /Not applicable/.test((await cloudTab.textContent()) ?? '')).toBe(other.id === 'on-premises');
    await screenshot(page, 'wizard-4-decision-1-room-choice-1440x900');
    await cloudTab.click();
    if (other.id !== 'on-premises') {
      // The page says which choice of the room it follows.
      await expect.poll(() => page.getByRole('note').filter({ hasText: `Applies because of the room’s choice. Deployment: the room chose ${other.label} where Stratum recommended ${recommended}.` }).count()).toBe(1);
    }
    await expectNoSeriousA11yIssues(page, 'decision after the room chose another deployment');
    await screenshot(page, 'wizard-4-decision-2-after-room-choice-1440x900');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'wizard-4-decision-2-after-room-choice-1024x768');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Consensus and summary.
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Consensus/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Agreement with the group' }).count()).toBe(1);
    await expectNoSeriousA11yIssues(page, 'consensus');
    await screenshot(page, 'wizard-5-consensus-1440x900');
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Summary/ }).click();
    await expectNoSeriousA11yIssues(page, 'summary');
    await screenshot(page, 'wizard-6-summary-1440x900');

    // Presenter mode on a decision page.
    await page.getByRole('link', { name: decisions[0]!.title }).click();
    await page.keyboard.press('F5');
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => page.getByRole('button', { name: 'Exit presenter mode' }).count()).toBe(1);
    await screenshot(page, 'wizard-presenter-decision-1280x720');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Reload: everything is still there.
    await page.reload();
    await expect.poll(() => page.getByText('The board wants to keep the first year', { exact: false }).count()).toBeGreaterThan(0);
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Context/ }).click();
    await expect.poll(() => page.getByLabel(`${total} of ${total} questions settled`).count()).toBe(1);
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Priorities/ }).click();
    await page.getByRole('radio', { name: /^B\. Osei/ }).check();
    expect(await page.locator('#weight-cost').inputValue()).toBe('5');
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Setup/ }).click();
    expect(await page.getByLabel('Involvement of participant 3').inputValue()).toBe('consulted');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('works by keyboard alone for a decision: rail, tabs, sensitivity picker and room choice', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(app.host.url);
    await page.getByRole('link', { name: 'Northwind Health AI platform' }).focus();
    await page.keyboard.press('Enter');
    // Into the rail, down to Decisions, open it.
    const rail = page.getByRole('navigation', { name: 'Workshop steps' });
    await rail.getByRole('button', { name: /Setup/ }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Decisions');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('tablist', { name: 'Decisions' }).count()).toBe(1);
    // Tabs with arrows: right to the second decision, and back to the first (deployment always applies).
    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('ArrowRight');
    const [first, second] = pack.decisions as { title: string }[];
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toContain(second!.title);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toContain(first!.title);
    // Tab to the criterion picker and change it with the keyboard.
    const picker = page.getByRole('combobox', { name: 'Criterion' });
    await picker.focus();
    await page.keyboard.press('ArrowDown');
    // The what-if slider explores a weight without saving it, and goes back with one button.
    await page.getByRole('slider', { name: /^What if/ }).focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'What if:' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Back to the group’s weights' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'What if:' }).count()).toBe(0);
    // Room choice by keyboard.
    await page.getByLabel('Chosen option').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Chosen by keyboard only.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const recorded = page.locator('.room-choice > p', { hasText: 'Chosen by keyboard only.' });
    await expect.poll(() => recorded.count()).toBe(1);
    // Undo with Ctrl+Z outside a text field removes it again; Ctrl+Shift+Z brings it back.
    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => recorded.count()).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => recorded.count()).toBe(1);
    await context.close();
  });
});
