import fs from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './browser';
import { makeDataDir, startHostProcess, type StartedHost } from './host';

export interface AppUnderTest {
  readonly browser: Browser;
  readonly host: StartedHost;
  readonly dataDir: string;
  /** Stops the host and starts it again on the same port and data folder (a new launch: a new token). */
  restartHost(): Promise<void>;
}

/** One Chromium and one browser-mode host on a temp data folder for a test file, stopped and removed afterwards. */
export function useAppUnderTest(): AppUnderTest {
  let browser: Browser | undefined;
  let host: StartedHost | undefined;
  let dataDir: string | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    dataDir = makeDataDir();
    host = await startHostProcess(dataDir);
  });
  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get browser() {
      return browser!;
    },
    get host() {
      return host!;
    },
    get dataDir() {
      return dataDir!;
    },
    async restartHost() {
      const port = host!.port;
      await host!.stop();
      host = await startHostProcess(dataDir!, ['--port', String(port)]);
    },
  };
}

/** A browser context of its own with one page on the workshop list, and what that page has thrown so far. */
export interface OpenedApp {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly pageErrors: string[];
}

/** Opens the printed address in a new context (1440×900 unless `options` say otherwise); close the context at the end. */
export async function openApp(app: AppUnderTest, options: BrowserContextOptions = {}): Promise<OpenedApp> {
  const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(app.host.url);
  return { context, page, pageErrors };
}

/** A question of the rule pack, as the wizard shows it. */
export interface PackFactor {
  id: string;
  type: 'enum' | 'boolean' | 'number';
  prompt: string;
  values?: string[];
  min?: number;
  max?: number;
}

/** Answers one Context question through its control: a number field, Yes/No, or the value's segment. */
export async function answerQuestion(page: Page, factor: PackFactor, value: string | number | boolean): Promise<void> {
  const question = page.getByRole('article', { name: factor.prompt });
  if (factor.type === 'number') {
    await question.getByRole('textbox', { name: factor.prompt }).fill(String(value));
  } else if (factor.type === 'boolean') {
    await question.getByRole('radio', { name: value ? 'Yes' : 'No', exact: true }).check();
  } else {
    // The wizard shows ids as words ("one-provider" → "One provider"); match loosely, whole label.
    await question.getByRole('radio', { name: new RegExp(`^${String(value).replace(/-/g, '[- ]')}$`, 'i') }).check();
  }
}

/** Waits until the save indicator says everything is saved. */
export async function waitSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'All changes saved' }).count(), { timeout: 10_000 }).toBe(1);
}

/** Fails with the findings listed when axe-core reports anything serious or critical. */
export async function expectNoSeriousA11yIssues(page: Page, where: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Creates a workshop from the workshop list's dialog and waits for its Setup step. */
export async function createWorkshopInUi(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'New workshop' }).first().click();
  await page.getByRole('dialog', { name: 'New workshop' }).getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Setup' }).count()).toBe(1);
}

/** The workshop's step rail. */
export const stepRail = (page: Page) => page.getByRole('navigation', { name: 'Workshop steps' });

/** The Organisation step's number question about utilization, as the e2e tests type into it. */
export const UTILIZATION_QUESTION = 'What average utilization would owned accelerators sustain (0 to 1)?';
