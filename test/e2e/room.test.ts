// The workshop room: each participant weighs on their own device over the room's network, privately, until the
// facilitator reveals everyone at once. A second loopback address (127.0.0.2) stands in for the room's network.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RoomStatus } from '../../shared/contract';
import { callApi } from './support/api';
import { createWorkshopInUi, expectNoSeriousA11yIssues, openApp, stepRail, useAppUnderTest, waitSaved } from './support/app';
import { screenshot } from './support/browser';

const ROOM = '127.0.0.2';
const PEOPLE = ['Ada Okafor', 'Ben Lind', 'Cal Reyes'];
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

type OpenRoom = Extract<RoomStatus, { open: true }>;

/** One request with the headers given (Host included), as a device on the room's network could send it. */
function rawRequest(url: string, init: { path: string; headers?: Record<string, string>; body?: unknown }): Promise<number> {
  const target = new URL(init.path, url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: init.body === undefined ? 'GET' : 'POST', headers: { 'Content-Type': 'application/json', ...init.headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(init.body === undefined ? undefined : JSON.stringify(init.body));
  });
}

const tokenOf = (link: string) => link.split('#/join/')[1]!;
const seatOf = (room: OpenRoom, id: string) => room.seats.find((s) => s.participantId === id)!;

async function weigh(page: Page, criterion: string, key: 'End' | 'Home'): Promise<void> {
  const slider = page.getByRole('slider', { name: new RegExp(`^${criterion}`) });
  await slider.focus();
  await page.keyboard.press(key);
}

describe('the workshop room', () => {
  const app = useAppUnderTest();

  it('joins three people on their own devices, admits them, keeps their weights private until revealed, and puts them in the workshop', async () => {
    const { context, page } = await openApp(app);
    await createWorkshopInUi(page, 'Northwind room');
    for (const name of PEOPLE) {
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByRole('button', { name: 'Add participant' }).click();
    }
    await waitSaved(page);
    const workshopId = /#\/workshops\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await stepRail(page).getByRole('button', { name: /Priorities/ }).click();
    const card = page.getByRole('region', { name: 'Each person on their own device' });
    await expect.poll(() => card.getByRole('button', { name: 'Open the room' }).count()).toBe(1);
    await expectNoSeriousA11yIssues(page, 'room card, closed');
    await screenshot(page, 'room-closed-1440x900');

    // Loopback only until the room opens: nothing answers on the room's address, on the host's port or any other.
    await expect(rawRequest(`http://${ROOM}:${app.host.port}/`, { path: '/' })).rejects.toThrow(/ECONNREFUSED/);

    // The facilitator opens the room on the room's network (here the second loopback address).
    const opened = await callApi<OpenRoom>(app.host, 'room.open', { workshopId, address: ROOM });
    expect(opened.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.2:\\d+/$`));
    await page.reload();
    await expect.poll(() => card.getByText(`The room is open at ${opened.url}`).count()).toBe(1);
    const participants = (await callApi<{ state: { participants: { id: string; name: string }[] } }>(app.host, 'workshopState.get', { id: workshopId })).state.participants;
    const idOf = (name: string) => participants.find((p) => p.name === name)!.id;

    // The join codes, one at a time on the projector, and as printable slips.
    await card.getByRole('button', { name: 'Show join codes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Join code' });
    await expect.poll(() => dialog.getByRole('img', { name: `Join code for ${PEOPLE[0]}` }).count()).toBe(1);
    await expectNoSeriousA11yIssues(page, 'join code dialog');
    await screenshot(page, 'room-join-code-1440x900');
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => dialog.getByRole('img', { name: `Join code for ${PEOPLE[1]}` }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await card.getByRole('button', { name: 'Join slips' }).click();
    await expect.poll(() => page.locator('.slip').count()).toBe(3);
    await page.getByRole('region', { name: 'Join slips' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'room-join-slips-1440x900');
    await page.getByRole('button', { name: 'Close slips' }).click();

    // Three phones open their own links and wait to be admitted.
    const status = await callApi<OpenRoom>(app.host, 'room.status', {});
    const phones = await Promise.all(PEOPLE.map(() => app.browser.newContext(PHONE)));
    const pages = await Promise.all(phones.map((c) => c.newPage()));
    const errors: string[] = [];
    for (const p of pages) p.on('pageerror', (e) => errors.push(String(e)));
    await Promise.all(pages.map((p, i) => p.goto(seatOf(status, idOf(PEOPLE[i]!)).link)));
    for (const [i, p] of pages.entries()) {
      await expect.poll(() => p.getByRole('heading', { name: `Hello, ${PEOPLE[i]}` }).count()).toBe(1);
      await expect.poll(() => p.getByText(/Waiting for the facilitator to let this device in/).count()).toBe(1);
    }
    await expectNoSeriousA11yIssues(pages[0]!, 'participant page, waiting');
    await screenshot(pages[0]!, 'room-phone-waiting-390x844');

    // The facilitator sees who joined, from any step (the workshop bar), and admits each device.
    await expect.poll(() => page.getByRole('button', { name: 'Room open · 3 waiting' }).count()).toBe(1);
    await expectNoSeriousA11yIssues(page, 'room card, devices waiting');
    await screenshot(page, 'room-waiting-1440x900');
    for (const name of PEOPLE) {
      const admit = card.getByRole('button', { name: `Admit ${name}` });
      await expect.poll(() => admit.count()).toBe(1);
      await admit.click();
    }
    for (const p of pages) await expect.poll(() => p.getByRole('heading', { name: 'Your priorities' }).count()).toBe(1);
    await expectNoSeriousA11yIssues(pages[0]!, 'participant page, weighing');
    await screenshot(pages[0]!, 'room-phone-weights-390x844');

    // Each weighs in private: Ada cost above all, Ben cost not at all; Cal sends the defaults.
    await weigh(pages[0]!, 'Cost', 'End');
    await weigh(pages[1]!, 'Cost', 'Home');
    for (const p of pages) {
      await p.getByRole('button', { name: 'Send my weights' }).click();
      await expect.poll(() => p.getByText(/^Sent\. You can change them/).count()).toBe(1);
    }
    // Two of them vote on the deployment, one with a reason.
    for (const [i, option, reason] of [[0, 'Hybrid', 'Regulated data stays home'], [1, 'Public cloud', '']] as const) {
      const vote = pages[i]!.getByRole('form', { name: 'Your vote on Deployment' });
      await vote.getByRole('radio', { name: option }).check();
      if (reason) await vote.getByLabel('Why (optional)').fill(reason);
      await vote.getByRole('button', { name: 'Send my vote' }).click();
      await expect.poll(() => vote.getByRole('button', { name: 'Vote sent' }).count()).toBe(1);
    }
    await pages[0]!.getByRole('form', { name: 'Your vote on Deployment' }).scrollIntoViewIfNeeded();
    await expectNoSeriousA11yIssues(pages[0]!, 'participant page, voted');
    await screenshot(pages[0]!, 'room-phone-vote-390x844');
    // Nobody's page shows anyone else's name or weights.
    for (const [i, p] of pages.entries()) {
      const text = await p.locator('main').innerText();
      for (const [j, other] of PEOPLE.entries()) if (j !== i) expect(text).not.toContain(other);
    }
    // Nothing is in the workshop before the reveal; the facilitator sees who has submitted.
    const before = await callApi<{ state: { weights: Record<string, unknown> } }>(app.host, 'workshopState.get', { id: workshopId });
    expect(before.state.weights).toEqual({});
    await expect.poll(() => card.getByRole('button', { name: /Reveal everyone’s answers \(3 of 3 in\)/ }).count()).toBe(1);
    await expectNoSeriousA11yIssues(page, 'room card, all in');
    await screenshot(page, 'room-open-1440x900');
    await page.setViewportSize({ width: 1024, height: 768 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'room-open-1024x768');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Closing before the reveal would discard what was sent: it is asked about first.
    await card.getByRole('button', { name: 'Close the room' }).click();
    await expect.poll(() => card.getByRole('alert').filter({ hasText: '3 people have sent answers that have not been revealed' }).count()).toBe(1);
    await card.getByRole('button', { name: 'Keep the room open' }).click();
    await card.getByRole('button', { name: /Reveal everyone’s answers/ }).click();
    await expect.poll(() => page.locator('.notice').filter({ hasText: 'Revealed: the weights of 3 people and the votes of 2 people are in the workshop now' }).count()).toBe(1);
    await waitSaved(page);
    const after = await callApi<{ state: { weights: Record<string, Record<string, number>>; participants: { id: string; weightsFrom?: string }[] } }>(app.host, 'workshopState.get', { id: workshopId });
    expect(after.state.weights[idOf(PEOPLE[0]!)]!['cost']).toBe(5);
    expect(after.state.weights[idOf(PEOPLE[1]!)]!['cost']).toBe(0);
    expect(after.state.participants.every((p) => p.weightsFrom === 'own-device')).toBe(true);
    for (const p of pages) await expect.poll(() => p.getByText(/revealed everyone’s answers/).count()).toBe(1);

    // Consensus shows each person's own result beside the group's, as it does for weights typed in the room.
    await stepRail(page).getByRole('button', { name: /Consensus/ }).click();
    const individual = page.getByRole('table', { name: /Each participant’s recommendation/ });
    for (const name of PEOPLE) await expect.poll(() => individual.getByRole('rowheader', { name: new RegExp(name) }).count()).toBe(1);
    const voted = page.getByRole('region', { name: 'How each person voted' });
    await expect.poll(() => voted.getByRole('row', { name: /Ada Okafor Hybrid “Regulated data stays home”/ }).count()).toBe(1);
    await expect.poll(() => voted.getByRole('row', { name: /Ben Lind Public cloud/ }).count()).toBe(1);
    await voted.scrollIntoViewIfNeeded();
    await expectNoSeriousA11yIssues(page, 'consensus with the room’s votes');
    await screenshot(page, 'room-consensus-votes-1440x900');

    // The reveal is one edit: Undo takes the weights back out.
    await page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: /^Undo/ }).click();
    await waitSaved(page);
    const undone = await callApi<{ state: { weights: Record<string, unknown> } }>(app.host, 'workshopState.get', { id: workshopId });
    expect(undone.state.weights).toEqual({});
    expect(errors).toEqual([]);
    await Promise.all(phones.map((c) => c.close()));
    await callApi(app.host, 'room.close', {});
    await context.close();
  });

  it('refuses a revoked or expired link, another’s weights, the facilitator’s channels, and foreign hosts and origins', async () => {
    const workshop = await callApi<{ id: string }>(app.host, 'workshops.create', { title: 'Refusals' });
    const ada = '4f0c2a10-0000-4000-8000-00000000000a';
    const ben = '4f0c2a10-0000-4000-8000-00000000000b';
    const participants = [
      { id: ada, name: 'Ada', role: '', involvement: 'decision-maker' },
      { id: ben, name: 'Ben', role: '', involvement: 'decision-maker' },
    ];
    await callApi(app.host, 'workshopState.save', { id: workshop.id, baseRevision: 0, state: { participants, useCases: [], answers: {}, dontKnow: [], notes: {}, weights: {}, roomChoices: {} } });
    const room = await callApi<OpenRoom>(app.host, 'room.open', { workshopId: workshop.id, address: ROOM });
    const adaToken = tokenOf(seatOf(room, ada).link);

    // A participant's token opens no facilitator channel: they are not served on the room's address at all.
    for (const channel of ['workshops.list', 'workshopState.get', 'room.reveal']) {
      expect(await rawRequest(room.url, { path: `/api/${channel}`, body: {}, headers: { Authorization: `Bearer ${adaToken}` } })).toBe(403);
    }
    // Nor does it work on the facilitator's own address.
    expect(await rawRequest(app.host.url, { path: '/api/workshops.list', body: {}, headers: { Authorization: `Bearer ${adaToken}` } })).toBe(403);
    // Another participant's weights: there is no way to name them, and a field that tries is refused.
    const reply = await fetch(`${room.url}room-api/participant.submitWeights`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adaToken}` }, body: JSON.stringify({ participantId: ben, weights: { cost: 0 } }) });
    const refused = (await reply.json()) as { ok: boolean; error?: { message: string } };
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toMatch(/participantId/);
    // Foreign Host (DNS rebinding) and Origin (another page) are refused.
    expect(await rawRequest(room.url, { path: '/', headers: { Host: `evil.example:${room.port}` } })).toBe(403);
    expect(await rawRequest(room.url, { path: '/room-api/participant.view', body: {}, headers: { Authorization: `Bearer ${adaToken}`, Origin: 'http://evil.example' } })).toBe(403);

    // The room's address without a join link (typed from a slip): the page says to open one's own link.
    const bare = await app.browser.newContext(PHONE);
    const barePage = await bare.newPage();
    await barePage.goto(room.url);
    await expect.poll(() => barePage.getByRole('heading', { name: 'Open your own join link' }).count()).toBe(1);
    await bare.close();

    // A second device with a link another device already joined with is refused, and the facilitator is told.
    const first = await app.browser.newContext(PHONE);
    const firstPage = await first.newPage();
    await firstPage.goto(seatOf(room, ben).link);
    await expect.poll(() => firstPage.getByRole('heading', { name: 'Hello, Ben' }).count()).toBe(1);
    const second = await app.browser.newContext(PHONE);
    const secondPage = await second.newPage();
    await secondPage.goto(seatOf(room, ben).link);
    await expect.poll(() => secondPage.getByRole('alert').filter({ hasText: 'already in use on another device' }).count()).toBe(1);
    expect(await secondPage.getByRole('heading', { name: 'Hello, Ben' }).count()).toBe(0);
    const told = await callApi<OpenRoom>(app.host, 'room.status', {});
    expect(seatOf(told, ben).otherDeviceTried).toBe(true);
    await Promise.all([first.close(), second.close()]);

    // A revoked link: the phone is told plainly.
    const phone = await app.browser.newContext(PHONE);
    const page = await phone.newPage();
    await page.goto(seatOf(room, ada).link);
    await expect.poll(() => page.getByRole('heading', { name: 'Hello, Ada' }).count()).toBe(1);
    await callApi(app.host, 'room.revoke', { workshopId: workshop.id, participantId: ada });
    await page.reload();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'This join link no longer works' }).count()).toBe(1);
    await screenshot(page, 'room-phone-revoked-390x844');

    // An expired link: the room closed, so nothing answers on its address.
    const benLink = seatOf(room, ben).link;
    await callApi(app.host, 'room.close', {});
    await expect(rawRequest(room.url, { path: '/' })).rejects.toThrow(/ECONNREFUSED/);
    const late = await phone.newPage();
    await late.goto(benLink).catch(() => undefined);
    expect(await late.locator('body').innerText().catch(() => '')).not.toContain('Your priorities');
    await phone.close();
  });
});
