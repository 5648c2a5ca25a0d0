// Deep links in browser mode: the address of a workshop step, copied from a tab opened with the printed
// address, opens in another tab of the same browser without the token (the host's session cookie stands in
// for it). A browser without that cookie, a wrong token in the address, and a cookie from an earlier start of
// Stratum are all refused, with a message that says to open the printed address.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { stepRail, useAppUnderTest } from './support/app';
import { screenshot, seriousAxeViolations } from './support/browser';
import type { StartedHost } from './support/host';

const EXAMPLE = 'Example: Northwind Bank AI platform';
const NO_TOKEN = 'This page needs the address Stratum printed in its terminal (it ends with #token=…). Open that address, or restart with npm start.';

/** The Consensus step of the example workshop, as a tab shows it. */
const consensusShown = (page: Page) => page.getByRole('heading', { name: 'Consensus', level: 2 }).count();

/** Opens the printed address in a new tab of `context`, then the example's Consensus step; returns that step's address. */
async function openStepWithToken(context: BrowserContext, host: StartedHost): Promise<string> {
  const page = await context.newPage();
  await page.goto(host.url);
  await page.getByRole('link', { name: EXAMPLE }).click();
  await stepRail(page).getByRole('button', { name: /Consensus/ }).click();
  await expect.poll(() => consensusShown(page)).toBe(1);
  await expect.poll(() => page.url()).toMatch(/#\/workshops\/[^/]+\/consensus$/);
  return page.url();
}

describe('deep links in browser mode', () => {
  const app = useAppUnderTest();

  it('opens a workshop step’s address pasted into another tab of the same browser, without the token', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const deepLink = await openStepWithToken(context, app.host);
    expect(deepLink).not.toContain(app.host.token);
    // The session cookie the host set: script cannot read it, other sites do not get it, it ends with the browser.
    const cookies = await context.cookies(app.host.origin);
    expect(cookies).toEqual([
      expect.objectContaining({ name: `stratum-session-${app.host.port}`, path: '/', httpOnly: true, sameSite: 'Strict', expires: -1 }),
    ]);
    expect(cookies[0]!.value).not.toContain(app.host.token);

    // Another tab, the copied address, no token: the step, and the workshop answers as in the first tab.
    const other = await context.newPage();
    await other.goto(deepLink);
    await expect.poll(() => consensusShown(other)).toBe(1);
    await expect.poll(() => other.getByRole('heading', { name: EXAMPLE, level: 1 }).count()).toBe(1);
    expect(await other.getByText(NO_TOKEN).count()).toBe(0);
    expect(await seriousAxeViolations(other)).toEqual([]);
    await screenshot(other, 'deep-link-other-tab-1440x900');
    // It keeps working from there: another step, and the workshop list.
    await stepRail(other).getByRole('button', { name: /Setup/ }).click();
    await expect.poll(() => other.getByRole('heading', { name: 'Setup', level: 2 }).count()).toBe(1);
    await other.getByRole('link', { name: '← Workshops' }).click();
    await expect.poll(() => other.getByRole('link', { name: EXAMPLE }).count()).toBe(1);
    expect(await other.getByRole('button', { name: 'New workshop' }).count()).toBeGreaterThan(0);

    // A wrong token in the address is refused even though this browser holds a valid cookie.
    const wrong = await context.newPage();
    await wrong.goto(new URL('/#token=not-the-printed-one', app.host.origin).href);
    await expect
      .poll(() => wrong.getByRole('alert').filter({ hasText: 'Wrong API token: open the address Stratum printed when it last started.' }).count())
      .toBe(1);
    expect(await wrong.getByRole('link', { name: EXAMPLE }).count()).toBe(0);
    await context.close();
  });

  it('refuses the same address in a browser that never opened the printed one, saying what to do', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const deepLink = await openStepWithToken(context, app.host);
    await context.close();

    const fresh = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await fresh.newPage();
    await page.goto(deepLink);
    await expect.poll(() => page.getByText(NO_TOKEN).count()).toBe(1);
    expect(await consensusShown(page)).toBe(0);
    expect(await page.getByRole('heading', { name: EXAMPLE }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'deep-link-no-cookie-1440x900');
    // The workshop list says the same and offers nothing that would fail.
    await page.getByRole('button', { name: 'Back to workshops' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: NO_TOKEN }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'New workshop' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: EXAMPLE }).count()).toBe(0);
    expect(await fresh.cookies(app.host.origin)).toEqual([]);
    await fresh.close();
  });

  it('refuses the cookie of an earlier start of Stratum on the same port, until the new printed address is opened', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const deepLink = await openStepWithToken(context, app.host);
    const oldCookie = (await context.cookies(app.host.origin))[0]!.value;

    const port = app.host.port;
    await app.restartHost();
    expect(app.host.port).toBe(port);

    const stale = await context.newPage();
    await stale.goto(deepLink);
    await expect.poll(() => stale.getByText(NO_TOKEN).count()).toBe(1);
    expect(await consensusShown(stale)).toBe(0);
    await screenshot(stale, 'deep-link-earlier-start-1440x900');

    // The new printed address replaces the cookie, and the copied address opens again in another tab.
    const again = await openStepWithToken(context, app.host);
    expect(again).toBe(deepLink);
    expect((await context.cookies(app.host.origin))[0]!.value).not.toBe(oldCookie);
    const other = await context.newPage();
    await other.goto(deepLink);
    await expect.poll(() => consensusShown(other)).toBe(1);
    await context.close();
  });
});
