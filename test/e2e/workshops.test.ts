import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousAxeViolations } from './support/browser';
import { makeDataDir, startHostProcess, type StartedHost } from './support/host';
import { waitSaved } from './support/app';

/** Every request the page makes, to prove none leaves the machine. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (req) => urls.push(req.url()));
  return urls;
}

function offMachine(urls: string[]): string[] {
  return urls.filter((u) => {
    const { protocol, hostname } = new URL(u);
    if (protocol === 'data:' || protocol === 'blob:') return false;
    return hostname !== '127.0.0.1';
  });
}

describe('workshops in browser mode', () => {
  let browser: Browser;
  let dataDir: string;
  let host: StartedHost | null = null;

  beforeAll(async () => {
    browser = await launchBrowser();
    dataDir = makeDataDir();
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a workshop that is still listed after the host restarts, then renames and archives it', async () => {
    host = await startHostProcess(dataDir);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const requests = recordRequests(page);
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });

    await page.goto(host.url);
    // First run: the example workshop is there, so a newcomer sees something at once.
    await expect.poll(() => page.getByRole('link', { name: 'Example: Northwind Bank AI platform' }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'home-1440x900');
    // The example is filled: its roadmap, its participants' weights and its recommendations are there at once.
    await page.getByRole('link', { name: 'Example: Northwind Bank AI platform' }).click();
    const steps = page.getByRole('navigation', { name: 'Workshop steps' });
    await steps.getByRole('button', { name: /Use cases/ }).click();
    await expect.poll(() => page.getByLabel('5 of at most 30 use cases').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'example-use-cases-1440x900');
    await steps.getByRole('button', { name: /Summary/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'The roadmap' }).count()).toBe(1);
    expect(await page.getByRole('rowheader').count()).toBe(5);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'example-summary-1440x900');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'example-summary-1024x768');
    await steps.getByRole('button', { name: /Use cases/ }).click();
    await screenshot(page, 'example-use-cases-1024x768');
    await page.setViewportSize({ width: 1440, height: 900 });

    // An answer that disagrees with another is said where it is given, and on the decisions that read it.
    await page.getByLabel('p95 latency of Customer-service assistant', { exact: true }).fill('120000');
    await page.keyboard.press('Tab');
    const disagree = page.getByRole('note', { name: 'Some answers disagree' });
    await expect.poll(() => disagree.textContent()).toMatch(/^Some answers disagree\..*Customer-service assistant: It answers people or systems while they wait, yet its response time target is a minute or more\. Ask: /);
    await waitSaved(page);
    // Inference mode: a tie shown as one, batch out of reach (its reasons named), and the disagreement.
    await steps.getByRole('button', { name: /Decisions/ }).click();
    await page.getByRole('tab', { name: /^Inference mode/ }).click();
    const card = page.getByLabel('Too close to call');
    await expect.poll(() => card.locator('.recommendation-option').textContent()).toBe('Both or Real-time');
    expect(await page.getByRole('tab', { name: /^Inference mode/ }).textContent()).toContain('Too close: Both or Real-time');
    expect(await page.getByRole('note').filter({ hasText: 'Stratum cannot separate Both and Real-time.' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Out of reach: no placement of the use cases gives it' }).count()).toBe(1);
    expect(await page.getByRole('note', { name: 'Answers this decision reads disagree' }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'judgement-tie-exclusion-disagreement-1440x900');
    await page.getByRole('heading', { name: 'Out of reach: no placement of the use cases gives it' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'judgement-exclusion-and-risks-1440x900');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'judgement-tie-exclusion-disagreement-1024x768');
    await page.setViewportSize({ width: 1440, height: 900 });
    // The room settles the tie: either tied option is taken without a reason, and said as such.
    const choice = page.getByRole('region', { name: 'The room’s choice' });
    expect(await choice.getByRole('button', { name: /^Agree with/ }).count()).toBe(0);
    await choice.getByLabel('Chosen option').selectOption({ label: 'Real-time' });
    expect(await choice.getByText('Reason (optional)', { exact: true }).count()).toBe(1);
    await choice.getByRole('button', { name: 'Record choice' }).click();
    await expect.poll(() => choice.locator('p').first().textContent()).toBe('The room chose Real-time between options too close to call.');
    expect(await choice.getByRole('alert').count()).toBe(0);
    await waitSaved(page);
    await choice.getByRole('button', { name: 'Clear' }).click();
    await waitSaved(page);

    // AI sourcing: each use case's way is costed by the cost model, people included, and the page says so.
    await page.getByRole('tab', { name: /^AI sourcing/ }).click();
    await expect.poll(() => page.getByText(/the people who build and keep it, 15,000 USD a month/).count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByText(/the people who build and keep it, 15,000 USD a month/).first().scrollIntoViewIfNeeded();
    await screenshot(page, 'sourcing-cost-1440x900');

    // A choice made while a decision applied is set aside once it stops applying, and nothing goes by it.
    const recordChoice = async (tab: RegExp, option: string, reason: string) => {
      await page.getByRole('tab', { name: tab }).click();
      const card = page.getByRole('region', { name: 'The room’s choice' });
      await card.getByLabel('Chosen option').selectOption({ label: option });
      await card.getByLabel('Reason').fill(reason);
      await card.getByRole('button', { name: 'Record choice' }).click();
      await waitSaved(page);
    };
    await recordChoice(/^Cloud strategy/, 'Multi-cloud', 'Two providers for resilience.');
    // On-premises is out of reach for this roadmap (two use cases call hosted APIs): the room may still choose it.
    await recordChoice(/^Deployment/, 'On-premises (ruled out by a constraint)', 'The board keeps everything in our own data centres.');
    const strategyTab = page.getByRole('tab', { name: /^Cloud strategy/ });
    await expect.poll(() => strategyTab.textContent()).toBe('Cloud strategyNot applicable');
    await strategyTab.click();
    const earlier = page.getByRole('region', { name: 'The room’s earlier choice' });
    await expect.poll(() => earlier.locator('p').textContent()).toMatch(/^The room chose Multi-cloud when this decision applied\. It is set aside/);
    expect(await page.getByLabel('Chosen option').count()).toBe(0);
    expect(await page.getByRole('heading', { name: /^Risks/ }).count()).toBe(0);
    await screenshot(page, 'judgement-set-aside-choice-1440x900');
    await steps.getByRole('button', { name: /Stack/ }).click();
    await expect.poll(() => page.locator('.canvas-content svg').count()).toBe(1);
    expect(await page.locator('.canvas-content').textContent()).not.toContain('Multi-cloud');
    await steps.getByRole('button', { name: /Summary/ }).click();
    await expect.poll(() => page.getByText('The room’s earlier choice, Multi-cloud, is set aside').count()).toBe(1);
    // Put back as it was: both choices cleared.
    await steps.getByRole('button', { name: /Decisions/ }).click();
    await page.getByRole('tab', { name: /^Cloud strategy/ }).click();
    await page.getByRole('button', { name: 'Clear the earlier choice' }).click();
    await page.getByRole('tab', { name: /^Deployment/ }).click();
    await page.getByRole('region', { name: 'The room’s choice' }).getByRole('button', { name: 'Clear' }).click();
    await waitSaved(page);
    await page.getByRole('link', { name: '← Workshops' }).click();

    // Create, from the home screen's button, with the keyboard-friendly dialog.
    await page.getByRole('button', { name: 'New workshop' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New workshop' });
    await dialog.getByLabel('Title').fill('Contoso AI platform 2027');
    await dialog.getByLabel('Organisation').fill('Contoso Retail');
    await dialog.getByLabel('Facilitator').fill('R. Patel');
    await screenshot(page, 'create-dialog-1440x900');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Create workshop' }).click();

    // It opens on the Setup step; every step is available (none is marked Soon).
    await expect.poll(() => page.getByRole('heading', { name: 'Setup' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('navigation', { name: 'Workshop steps' }).getByText('Soon', { exact: true }).count()).toBe(0);
    const description = page.getByLabel('Description');
    await description.fill('Decide where the recommendation models and the new assistant run.');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'All changes saved' }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'setup-1440x900');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'setup-1024x768');

    // A cleared title is refused with a message naming the field, and nothing is lost.
    await page.getByLabel('Title').fill('');
    await expect.poll(() => page.getByText('Title is required.').count()).toBe(1);
    await page.getByLabel('Title').fill('Contoso AI platform 2027');

    // Restart the host process: the workshop and its description survive.
    await host.stop();
    host = await startHostProcess(dataDir);
    await page.goto(host.url);
    await page.setViewportSize({ width: 1440, height: 900 });
    const link = page.getByRole('link', { name: 'Contoso AI platform 2027' });
    await expect.poll(() => link.count()).toBe(1);
    // Most recently changed first.
    const titles = await page.locator('.workshop-title').allTextContents();
    expect(titles[0]).toBe('Contoso AI platform 2027');
    await link.click();
    await expect.poll(() => page.getByLabel('Description').inputValue()).toBe(
      'Decide where the recommendation models and the new assistant run.',
    );
    await page.getByRole('link', { name: '← Workshops' }).click();

    // Rename.
    await page.getByRole('button', { name: 'Rename Contoso AI platform 2027' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename workshop' });
    await rename.getByLabel('Title').fill('Contoso AI infrastructure 2027');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Contoso AI infrastructure 2027' }).count()).toBe(1);

    // Archive: it leaves the list, shows under "archived", and can be restored.
    await page.getByRole('button', { name: 'Archive Contoso AI infrastructure 2027' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Contoso AI infrastructure 2027' }).count()).toBe(0);
    await expect.poll(() => page.getByText('Archived “Contoso AI infrastructure 2027”.').count()).toBe(1);
    await page.getByLabel('Show archived workshops').check();
    const archived = page.getByRole('list', { name: 'Archived workshops' });
    await expect.poll(() => archived.getByText('Contoso AI infrastructure 2027').count()).toBe(1);
    await screenshot(page, 'home-archived-1440x900');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'home-archived-1024x768');

    // The archive survives a restart too.
    await host.stop();
    host = await startHostProcess(dataDir);
    await page.goto(host.url);
    await expect.poll(() => page.getByRole('link', { name: 'Example: Northwind Bank AI platform' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Contoso AI infrastructure 2027' }).count()).toBe(0);

    expect(offMachine(requests)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('refuses a page opened without the printed token, with a message that says what to do', async () => {
    host ??= await startHostProcess(dataDir);
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(host.origin);
    await expect.poll(() => page.getByText('#token=').count()).toBe(1);
    // A wrong token (an address from an earlier start): the refusal says what to do, and nothing offers to create.
    await page.goto(new URL('/#token=not-the-printed-one', host.origin).href);
    await page.reload();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Wrong API token: open the address Stratum printed when it last started.' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'New workshop' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Open workshop file…' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
