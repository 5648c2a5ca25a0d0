import { describe, expect, it } from 'vitest';
import pack from '../../shared/packs/default.json';
import { answerQuestion, createWorkshopInUi, expectNoSeriousA11yIssues, openApp, useAppUnderTest, waitSaved, type PackFactor } from './support/app';
import { screenshot } from './support/browser';

// A regulated hospital group with real on-premises capacity: the organisation's answers.
const ORGANISATION: Record<string, string | number | boolean> = {
  airGapped: false,
  regulatoryGeoDistribution: false,
  workloadPattern: 'steady',
  sustainedGpuUtilization: 0.7,
  existingOnPremCapacity: 'significant',
  spareAccelerators: 16,
  opsExpertise: 'high',
  cloudFootprint: 'one-provider',
  lockInConcern: 'medium',
  bestOfBreedNeed: 'low',
  egressTbPerMonth: 20,
  businessUnits: 4,
  buAutonomyNeed: 'medium',
  governanceMaturity: 'high',
  mlExpertise: 'medium',
  timeToValue: 'normal',
};

// A use case of its own, answered cell by cell in the roadmap grid.
const RADIOLOGY: Record<string, string | number> = {
  task: 'vision',
  usage: 'interactive',
  latencyP95Ms: 40,
  worksOffline: 'false',
  dataSensitivity: 'regulated',
  dataResidency: 'in-country',
  dataLocation: 'on-premises',
  requestsPerMonthNow: 50_000,
  requestsPerMonthInProduction: 500_000,
  monthlyTrainingGpuHours: 2000,
  interruptionTolerance: 'some',
  customizationNeed: 'high',
};

interface PackJsonFactor extends PackFactor {
  scope?: string;
  label?: string;
  aggregate?: unknown;
}
const factors = pack.factors as PackJsonFactor[];
const organisationFactors = factors.filter((f) => f.scope !== 'use-case' && !f.aggregate);
const useCaseFactors = factors.filter((f) => f.scope === 'use-case');
const decisions = (pack.decisions as { id: string; title: string; scope?: string; options: { id: string; label: string }[] }[]).filter((d) => d.scope !== 'use-case');

describe('the workshop wizard, driven as a facilitator would', () => {
  const app = useAppUnderTest();

  it('runs a full workshop, and everything is still there after a reload', async () => {
    const { context, page, pageErrors } = await openApp(app);

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
    // A fourth who is only told the outcome: named on Priorities, not weighed.
    await page.getByLabel('Name', { exact: true }).fill('D. Park');
    await page.getByLabel('Role', { exact: true }).fill('Board liaison');
    await page.getByRole('button', { name: 'Add participant' }).click();
    await page.getByLabel('Involvement of participant 4').selectOption('informed');
    await waitSaved(page);
    await expectNoSeriousA11yIssues(page, 'setup');
    await screenshot(page, 'wizard-1-setup-1440x900');

    // Use cases: two typical ones from the catalogue, and one of the hospital's own answered in the grid.
    const rail = page.getByRole('navigation', { name: 'Workshop steps' });
    await rail.getByRole('button', { name: /Use cases/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Use cases', level: 2 }).count()).toBe(1);
    await expectNoSeriousA11yIssues(page, 'use cases, none yet');
    await screenshot(page, 'wizard-2-use-cases-empty-1440x900');
    for (const typical of ['Document summarisation', 'Predictive maintenance']) {
      await page.getByLabel('Start from a typical use case').selectOption({ label: typical });
      await page.getByRole('button', { name: 'Add it' }).click();
    }
    await page.getByRole('button', { name: 'Add a blank use case' }).click();
    await page.getByLabel('Name of use case 3').fill('Radiology triage');
    for (const f of useCaseFactors) {
      const value = RADIOLOGY[f.id];
      expect(value, `an answer for ${f.id}`).not.toBeUndefined();
      const cell = page.getByLabel(`${f.label} of Radiology triage`, { exact: true });
      if (f.type === 'number') await cell.fill(String(value));
      else await cell.selectOption(String(value));
    }
    // A number the question does not allow says what is allowed, and is not kept.
    const latency = page.getByLabel('p95 latency of Radiology triage', { exact: true });
    await latency.fill('-5');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'p95 latency: Enter a number above 0.' }).count()).toBe(1);
    await screenshot(page, 'wizard-2-use-cases-bad-number-1440x900');
    await latency.fill('40');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    await page.getByLabel('Name of use case 3').focus();
    await waitSaved(page);
    await expect.poll(() => page.getByLabel('3 of at most 30 use cases').count()).toBe(1);
    await expectNoSeriousA11yIssues(page, 'use cases');
    await screenshot(page, 'wizard-2-use-cases-1440x900');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'wizard-2-use-cases-1024x768');
    await page.setViewportSize({ width: 1440, height: 900 });
    // Removing one offers to put it back where it was.
    await page.getByRole('button', { name: 'Remove Predictive maintenance' }).click();
    await expect.poll(() => page.getByLabel('2 of at most 30 use cases').count()).toBe(1);
    await page.getByRole('status').filter({ hasText: 'Removed Predictive maintenance' }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByLabel('3 of at most 30 use cases').count()).toBe(1);
    expect(await page.getByLabel('Name of use case 2').inputValue()).toBe('Predictive maintenance');
    await waitSaved(page);

    // Organisation: every question asked once for the whole organisation.
    await rail.getByRole('button', { name: /Organisation/ }).click();
    for (const factor of organisationFactors) {
      const value = ORGANISATION[factor.id];
      expect(value, `an answer for ${factor.id}`).not.toBeUndefined();
      await answerQuestion(page, factor, value!);
    }
    await waitSaved(page);
    const total = organisationFactors.length;
    await expect.poll(() => page.getByLabel(`${total} of ${total} questions settled`).count()).toBe(1);
    await expectNoSeriousA11yIssues(page, 'organisation');
    await screenshot(page, 'wizard-3-organisation-1440x900');

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
    expect(await page.locator('.informed-note').textContent()).toBe('Not weighing in: D. Park is informed of the outcome, not asked to weigh the criteria (Setup says who decides, is consulted or is informed).');
    expect(await page.getByRole('radio', { name: /^D\. Park/ }).count()).toBe(0);
    await expectNoSeriousA11yIssues(page, 'priorities');
    await screenshot(page, 'wizard-4-priorities-1440x900');
    // At 1024×768 the live effect stays beside the sliders, not below them all.
    await page.setViewportSize({ width: 1024, height: 768 });
    const sliders = (await page.locator('.weight-list').boundingBox())!;
    const side = (await page.locator('.priorities-side').boundingBox())!;
    expect(side.x).toBeGreaterThan(sliders.x + sliders.width - 1);
    expect(side.y).toBeLessThan(sliders.y + 200);
    await screenshot(page, 'wizard-4-priorities-1024x768');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Decisions: every organisation decision page, with a room override on the first.
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Decisions/ }).click();
    // The deployment follows from where each use case is served: a table says where each lands, and why.
    const byUseCase = page.getByRole('region', { name: 'By use case' });
    await expect.poll(() => byUseCase.count()).toBe(1);
    for (const name of ['Document summarisation', 'Predictive maintenance', 'Radiology triage']) await expect.poll(() => byUseCase.getByRole('rowheader', { name, exact: true }).count()).toBe(1);
    for (const [i, d] of decisions.entries()) {
      await page.getByRole('tab', { name: new RegExp(`^${d.title}`) }).click();
      await expect.poll(() => page.getByRole('heading', { name: d.title, level: 3 }).count()).toBe(1);
      await expectNoSeriousA11yIssues(page, `decision ${d.id}`);
      await screenshot(page, `wizard-5-decision-${i + 1}-${d.id}-1440x900`);
    }
    await page.setViewportSize({ width: 1024, height: 768 });
    // The tabs keep their outcome line at 1024×768.
    expect(await page.locator('.decision-tab-rec').first().isVisible()).toBe(true);
    await screenshot(page, `wizard-5-decision-5-1024x768`);
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
    await screenshot(page, 'wizard-5-decision-1-room-choice-1440x900');
    await cloudTab.click();
    if (other.id !== 'on-premises' && recommended === 'On-premises') {
      // The cloud strategy applies only because of the room's choice: the page says which choice it follows.
      await expect.poll(() => page.getByRole('note').filter({ hasText: `Applies because of the room’s choice. Deployment: the room chose ${other.label} where Stratum recommended ${recommended}.` }).count()).toBe(1);
    }
    await expectNoSeriousA11yIssues(page, 'decision after the room chose another deployment');
    await screenshot(page, 'wizard-5-decision-2-after-room-choice-1440x900');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'wizard-5-decision-2-after-room-choice-1024x768');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Agreeing with a recommendation takes one click and no invented reason.
    await page.getByRole('tab', { name: new RegExp(`^${decisions[2]!.title}`) }).click();
    const agree = page.getByRole('button', { name: /^Agree with / });
    await agree.scrollIntoViewIfNeeded();
    await screenshot(page, 'wizard-5-decision-3-to-agree-1440x900');
    const agreed = (await agree.textContent())!.replace(/^Agree with /, '');
    await agree.click();
    await expect.poll(() => page.locator('.room-choice p').first().textContent()).toBe(`The room agreed with the recommendation, ${agreed}.`);
    expect(await page.getByRole('alert').count()).toBe(0);
    await waitSaved(page);
    await expectNoSeriousA11yIssues(page, 'decision the room agreed with');
    await page.locator('.room-choice').scrollIntoViewIfNeeded();
    await screenshot(page, 'wizard-5-decision-3-agreed-1440x900');

    // Consensus and summary; each step opens at its top, wherever the last one was scrolled to.
    await page.locator('#step-content').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    expect(await page.locator('#step-content').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Consensus/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Agreement with the group' }).count()).toBe(1);
    expect(await page.locator('#step-content').evaluate((el) => el.scrollTop)).toBe(0);
    // Agreement reads without colour: a cell that differs from the group is marked ≠ (and hatched in the map).
    const differing = page.locator('td.cell-differs');
    const hatched = page.locator('rect[fill^="url(#heat-hatch"]');
    expect(await differing.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await differing.count()); i++) expect(await differing.nth(i).textContent()).toMatch(/^≠ /);
    expect(await hatched.count()).toBeGreaterThanOrEqual(await differing.count());
    // What to settle first: open questions before answered ones.
    const kinds = await page.locator('.settle-list .tag').allTextContents();
    expect(kinds).toEqual([...kinds].sort((a, b) => Number(a === 'answered') - Number(b === 'answered')));
    await expect.poll(() => page.getByRole('heading', { name: 'Consensus', level: 2 }).evaluate((el) => el.getBoundingClientRect().top >= 0)).toBe(true);
    await expectNoSeriousA11yIssues(page, 'consensus');
    await screenshot(page, 'wizard-6-consensus-1440x900');
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Summary/ }).click();
    // The summary's roadmap names each use case.
    await expect.poll(() => page.getByRole('rowheader', { name: 'Radiology triage', exact: true }).count()).toBeGreaterThan(0);
    // The summary says which recommendation the room agreed with.
    expect(await page.locator('.summary-card').nth(2).textContent()).toContain('The room agreed');
    await expectNoSeriousA11yIssues(page, 'summary');
    await screenshot(page, 'wizard-7-summary-1440x900');

    // Presenter mode on a decision page.
    await page.getByRole('link', { name: decisions[0]!.title }).click();
    await page.keyboard.press('F5');
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => page.getByRole('button', { name: 'Exit presenter mode' }).count()).toBe(1);
    // Presenter mode shows the step alone: no app bar.
    expect(await page.locator('.app-header').count()).toBe(0);
    await screenshot(page, 'wizard-presenter-decision-1280x720');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Reload: everything is still there.
    await page.reload();
    await expect.poll(() => page.getByText('The board wants to keep the first year', { exact: false }).count()).toBeGreaterThan(0);
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Organisation/ }).click();
    await expect.poll(() => page.getByLabel(`${total} of ${total} questions settled`).count()).toBe(1);
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Use cases/ }).click();
    expect(await page.getByLabel('Name of use case 3').inputValue()).toBe('Radiology triage');
    expect(await page.getByLabel('Requests a month in production of Radiology triage', { exact: true }).inputValue()).toBe('500,000');
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Priorities/ }).click();
    await page.getByRole('radio', { name: /^B\. Osei/ }).check();
    expect(await page.locator('#weight-cost').inputValue()).toBe('5');
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Setup/ }).click();
    expect(await page.getByLabel('Involvement of participant 3').inputValue()).toBe('consulted');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('works by keyboard alone: rail, decision tabs, sensitivity picker, room choice and the roadmap', async () => {
    const { context, page } = await openApp(app);
    await page.getByRole('link', { name: 'Northwind Health AI platform' }).focus();
    await page.keyboard.press('Enter');
    // Into the rail, down to Decisions, open it.
    const rail = page.getByRole('navigation', { name: 'Workshop steps' });
    await rail.getByRole('button', { name: /Setup/ }).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Decisions');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('tablist', { name: 'Decisions' }).count()).toBe(1);
    // Tabs with arrows: right to the second decision, and back to the first (deployment always applies).
    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('ArrowRight');
    const [first, second] = decisions;
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
    // The slider keeps the weight it was moved to; the page behind it follows (the chart at 5.0) and is then no longer busy.
    expect(await page.getByRole('slider', { name: /^What if/ }).inputValue()).toBe('5');
    await expect.poll(() => page.locator('.chart-summary').textContent()).toContain('it is now 5.0');
    await expect.poll(() => page.locator('.decision [aria-busy="true"]').count()).toBe(0);
    // Once the slider rests, how firm the what-if recommendation is has been worked out.
    await expect.poll(() => page.locator('.recommendation-robustness').textContent()).toMatch(/^(\w[\w -]* stays|Stays) the top choice in \d+% of plausible weightings and answers to any open questions\.$|^No robustness figure/);
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

    // The roadmap by keyboard: add a use case, name it, answer a cell, remove it and put it back.
    await rail.getByRole('button', { name: /Use cases/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add a blank use case' }).focus();
    await page.keyboard.press('Enter');
    // The keyboard lands in the new row's name.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Name of use case 4');
    await page.keyboard.type('Keyboard triage');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Task of Keyboard triage');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('Task of Keyboard triage', { exact: true }).inputValue()).not.toBe('');
    await page.getByRole('button', { name: 'Remove Keyboard triage' }).focus();
    await page.keyboard.press('Enter');
    // Removing puts the keyboard on Undo, and Undo puts it back in the restored row.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Keyboard triage');
    await waitSaved(page);
    await context.close();
  });
});
