import fs from 'node:fs';
import http from 'node:http';
import type os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { invokeChannel, invokeChannelAsync, type HandlerDeps } from '../../../../electron/handlers';
import { createRoomController, isLoopbackAddress, listRoomInterfaces } from '../../../../electron/room/controller';
import { checkRoomOrigin, hostOf, rateKeyOf } from '../../../../electron/room/room-server';
import type { ParticipantView, RoomReveal, RoomStatus } from '../../../../shared/contract';
import { emptyWorkshopState, type Workshop, type WorkshopState } from '../../../../shared/domain';
import { quiet, value } from '../../support/invoke';
import { tempDeps, tempDir } from '../../support/temp-db';

const ADA = '0b7a3c10-1111-4aaa-8aaa-000000000001';
const BEN = '0b7a3c10-1111-4aaa-8aaa-000000000002';
const CAL = '0b7a3c10-1111-4aaa-8aaa-000000000003';
const INA = '0b7a3c10-1111-4aaa-8aaa-000000000004';
/** The room's network in these tests: a second loopback address, which no other test's server binds. */
const ROOM_ADDRESS = '127.0.0.2';

const state: WorkshopState = {
  ...emptyWorkshopState(),
  participants: [
    { id: ADA, name: 'Ada', role: 'CIO', involvement: 'decision-maker' },
    { id: BEN, name: 'Ben', role: 'CISO', involvement: 'decision-maker' },
    { id: CAL, name: 'Cal', role: 'Data lead', involvement: 'consulted' },
    { id: INA, name: 'Ina', role: 'Comms', involvement: 'informed' },
  ],
  weights: { [ADA]: { cost: 2 } },
};

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function roomDeps(options: { idleMs?: number; failuresPerMinute?: number } = {}): { deps: HandlerDeps; workshop: Workshop } {
  const deps = tempDeps();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Stratum</title>');
  deps.room = createRoomController({ rendererDir, limits: { requestsPerMinute: 600, seatCallsPerMinute: 120, failuresPerMinute: options.failuresPerMinute ?? 10 } });
  closers.push(() => deps.room!.close());
  const workshop = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Room test' }, quiet));
  value(invokeChannel(deps, 'workshopState.save', { id: workshop.id, state, baseRevision: 0 }, quiet));
  return { deps, workshop };
}

async function openRoom(deps: HandlerDeps, workshop: Workshop, address = ROOM_ADDRESS): Promise<Extract<RoomStatus, { open: true }>> {
  const status = value<RoomStatus>(await invokeChannelAsync(deps, 'room.open', { workshopId: workshop.id, address }, quiet));
  if (!status.open) throw new Error('the room did not open');
  return status;
}

interface Reply {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } | string;
}

/** One HTTP request with headers as given (Host included, which fetch would not let a test set). */
function request(url: string, pathname: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Reply> {
  const target = new URL(pathname, url);
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers: { 'Content-Type': 'application/json', ...init.headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          let parsed: Reply['body'] = text;
          try {
            parsed = JSON.parse(text) as Reply['body'];
          } catch {
            // a page, not JSON
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The device key each link's own device was given when it joined (these tests' phones). */
const deviceKeys = new Map<string, string>();

/**
 * A participant's call with the token from their link, from that link's own device (which keeps the key it was
 * given on joining), or with `as` from another device holding the same link.
 */
async function participant(status: { url: string }, link: string, channel: string, body: unknown = {}, as: 'own device' | 'another device' = 'own device'): Promise<Reply> {
  const token = link.slice(link.indexOf('#/join/') + '#/join/'.length);
  const key = as === 'own device' ? deviceKeys.get(link) : undefined;
  const reply = await request(status.url, `/room-api/${channel}`, { body, headers: { Authorization: `Bearer ${token}`, ...(key ? { 'X-Stratum-Device': key } : {}) } });
  const given = typeof reply.body === 'object' && reply.body.ok ? (reply.body.value as { deviceKey?: string }).deviceKey : undefined;
  if (given && as === 'own device') deviceKeys.set(link, given);
  return reply;
}

function linkOf(status: Extract<RoomStatus, { open: true }>, id: string): string {
  return status.seats.find((s) => s.participantId === id)!.link;
}

/** A participant's device joins with their link and the facilitator admits it; returns the link. */
async function joinedAndAdmitted(deps: HandlerDeps, workshop: Workshop, status: Extract<RoomStatus, { open: true }>, id: string, device: string): Promise<string> {
  const link = linkOf(status, id);
  viewOf(await participant(status, link, 'participant.join', { device }));
  value(invokeChannel(deps, 'room.admit', { workshopId: workshop.id, participantId: id }, quiet));
  return link;
}

function viewOf(reply: Reply): ParticipantView {
  if (typeof reply.body === 'string' || !reply.body.ok) throw new Error(`refused: ${JSON.stringify(reply.body)}`);
  return reply.body.value as ParticipantView;
}

function refusal(reply: Reply): string {
  if (typeof reply.body === 'string' || reply.body.ok) throw new Error(`not refused: ${JSON.stringify(reply.body)}`);
  return reply.body.error!.message;
}

describe('the workshop room', () => {
  it('is closed until the facilitator opens it, and nothing listens on the room’s address then', async () => {
    const { deps, workshop } = roomDeps();
    expect(value<RoomStatus>(invokeChannel(deps, 'room.status', {}, quiet))).toEqual({ open: false, reason: null });
    const status = await openRoom(deps, workshop);
    expect(status.url).toBe(`http://${ROOM_ADDRESS}:${status.port}/`);
    value(await invokeChannelAsync(deps, 'room.close', {}, quiet));
    await expect(request(status.url, '/')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('seats everyone who weighs, each with a link of their own, and not those only informed', async () => {
    const { deps, workshop } = roomDeps();
    const status = await openRoom(deps, workshop);
    expect(status.seats.map((s) => [s.participantId, s.state])).toEqual([
      [ADA, 'invited'],
      [BEN, 'invited'],
      [CAL, 'invited'],
    ]);
    const links = status.seats.map((s) => s.link);
    expect(new Set(links).size).toBe(3);
    for (const link of links) expect(link).toMatch(new RegExp(`^http://${ROOM_ADDRESS.replace(/\./g, '\\.')}:\\d+/#/join/[A-Za-z0-9_-]{43}$`));
  });

  it('joins as pending, is admitted by the facilitator, submits in private, and the facilitator reveals everyone at once', async () => {
    const { deps, workshop } = roomDeps();
    const status = await openRoom(deps, workshop);
    const joined = viewOf(await participant(status, linkOf(status, ADA), 'participant.join', { device: 'Phone · Chromium' }));
    expect(joined).toMatchObject({ state: 'pending', participantName: 'Ada', workshopTitle: 'Room test', weightsSubmitted: false, revealed: false });
    // Her own weights as the workshop holds them, the pack's defaults elsewhere; each criterion with what it means.
    expect(joined.weights['cost']).toBe(2);
    expect(joined.criteria.every((c) => c.description.length > 0)).toBe(true);

    // Pending: she can see her page, not submit.
    expect(refusal(await participant(status, linkOf(status, ADA), 'participant.submitWeights', { weights: { cost: 5 } }))).toMatch(/not admitted/);
    const seats = value<RoomStatus>(invokeChannel(deps, 'room.status', {}, quiet));
    expect(seats.open && seats.seats.find((s) => s.participantId === ADA)).toMatchObject({ state: 'pending', device: 'Phone · Chromium' });

    value(invokeChannel(deps, 'room.admit', { workshopId: workshop.id, participantId: ADA }, quiet));
    const sent = viewOf(await participant(status, linkOf(status, ADA), 'participant.submitWeights', { weights: { cost: 5, compliance: 1 } }));
    expect(sent).toMatchObject({ state: 'admitted', weightsSubmitted: true });
    expect(sent.weights).toMatchObject({ cost: 5, compliance: 1 });
    const voted = viewOf(await participant(status, linkOf(status, ADA), 'participant.vote', { decision: 'deployment', option: 'hybrid', reason: 'Both worlds' }));
    expect(voted.votes).toEqual([{ decision: 'deployment', option: 'hybrid', reason: 'Both worlds' }]);

    // Ben joins and sees only his own input: nothing of Ada's.
    const ben = viewOf(await participant(status, linkOf(status, BEN), 'participant.join', { device: 'Tablet' }));
    expect(ben.weights['cost']).not.toBe(5);
    expect(ben.votes).toEqual([]);
    expect(JSON.stringify(ben)).not.toContain('Both worlds');

    // Nothing reaches the saved workshop before the reveal.
    const saved = value<{ state: WorkshopState }>(invokeChannel(deps, 'workshopState.get', { id: workshop.id }, quiet));
    expect(saved.state.weights[ADA]).toEqual({ cost: 2 });

    const before = value<RoomStatus>(invokeChannel(deps, 'room.status', {}, quiet));
    expect(before.open && before.unrevealed).toBe(1);
    const reveal = value<RoomReveal>(invokeChannel(deps, 'room.reveal', { workshopId: workshop.id }, quiet));
    expect(reveal.submissions).toEqual([{ participantId: ADA, weights: expect.objectContaining({ cost: 5, compliance: 1 }), votes: [{ decision: 'deployment', option: 'hybrid', reason: 'Both worlds' }] }]);
    expect(reveal.status.open && reveal.status.revealed).toBe(true);
    expect(reveal.status.open && reveal.status.unrevealed).toBe(0);
    expect(viewOf(await participant(status, linkOf(status, ADA), 'participant.view')).revealed).toBe(true);
    // After the reveal, changes are made in the room.
    expect(refusal(await participant(status, linkOf(status, ADA), 'participant.submitWeights', { weights: { cost: 1 } }))).toMatch(/revealed/);
  });

  it('refuses a revoked link, the old link after a new one is issued, and every link once the room has closed', async () => {
    const { deps, workshop } = roomDeps();
    const status = await openRoom(deps, workshop);
    const first = linkOf(status, BEN);
    viewOf(await participant(status, first, 'participant.join', { device: 'Phone' }));
    value(invokeChannel(deps, 'room.revoke', { workshopId: workshop.id, participantId: BEN }, quiet));
    const revoked = await participant(status, first, 'participant.view');
    expect(revoked.status).toBe(403);
    expect(refusal(revoked)).toMatch(/no longer works/);

    const again = value<RoomStatus>(invokeChannel(deps, 'room.reissue', { workshopId: workshop.id, participantId: BEN }, quiet));
    if (!again.open) throw new Error('closed');
    const second = linkOf(again, BEN);
    expect(second).not.toBe(first);
    expect((await participant(status, first, 'participant.view')).status).toBe(403);
    expect(viewOf(await participant(status, second, 'participant.join', { device: 'Phone' })).state).toBe('pending');

    // A room opened again deals new links: the old room's are dead even on the same address.
    value(await invokeChannelAsync(deps, 'room.close', {}, quiet));
    const reopened = await openRoom(deps, workshop);
    expect((await participant(reopened, second, 'participant.view')).status).toBe(403);
  });

  it('lets a token reach only its own seat and the participants’ channels, never the facilitator’s', async () => {
    const { deps, workshop } = roomDeps();
    const status = await openRoom(deps, workshop);
    const ada = await joinedAndAdmitted(deps, workshop, status, ADA, 'Phone');
    // Another participant's weights: the channel has no field to name anyone else, and an extra one is refused.
    const other = await participant(status, ada, 'participant.submitWeights', { participantId: BEN, weights: { cost: 0 } });
    expect(refusal(other)).toMatch(/participantId/);
    // The facilitator's channels are not served on the room's address, whatever token comes with them.
    const token = ada.slice(ada.indexOf('#/join/') + 7);
    for (const channel of ['workshops.list', 'workshopState.get', 'room.reveal', 'room.admit']) {
      const reply = await request(status.url, `/api/${channel}`, { body: {}, headers: { Authorization: `Bearer ${token}` } });
      expect(reply.status).toBe(403);
    }
    expect((await participant(status, ada, 'workshops.list')).status).toBe(404);
    expect(refusal(await participant(status, ada, 'participant.vote', { decision: 'deployment', option: 'mainframe', reason: '' }))).toMatch(/not an option/);
  });

  it('answers only requests addressed to the chosen address and from its own pages', async () => {
    const { deps, workshop } = roomDeps();
    const status = await openRoom(deps, workshop);
    expect((await request(status.url, '/')).status).toBe(200);
    for (const host of [`localhost:${status.port}`, `127.0.0.1:${status.port}`, `attacker.example:${status.port}`, ROOM_ADDRESS]) {
      const reply = await request(status.url, '/', { headers: { Host: host } });
      expect(reply.status, host).toBe(403);
    }
    const foreign = await participant(status, linkOf(status, ADA), 'participant.join', { device: 'x' });
    expect(foreign.status).toBe(200);
    const token = linkOf(status, ADA).split('#/join/')[1]!;
    const fromElsewhere = await request(status.url, '/room-api/participant.view', { body: {}, headers: { Authorization: `Bearer ${token}`, Origin: 'http://attacker.example' } });
    expect(fromElsewhere.status).toBe(403);
  });

  it('turns away a device that keeps guessing tokens, and not the participants', async () => {
    const { deps, workshop } = roomDeps({ failuresPerMinute: 5 });
    const status = await openRoom(deps, workshop);
    viewOf(await participant(status, linkOf(status, ADA), 'participant.join', { device: 'Phone' }));
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await request(status.url, '/room-api/participant.view', { body: {}, headers: { Authorization: `Bearer guess${i}` } })).status);
    expect(codes).toEqual([403, 403, 403, 403, 403, 429, 429]);
    const refused = await request(status.url, '/room-api/participant.view', { body: {}, headers: { Authorization: 'Bearer guess7' } });
    expect(refusal(refused)).toMatch(/wait a minute/);
    // A participant on the same network address (the same NAT, here the same loopback) is not locked out by the guesser.
    expect(viewOf(await participant(status, linkOf(status, ADA), 'participant.view')).participantName).toBe('Ada');
  });

  it('counts IPv6 devices by their /64, and reads a room host written with brackets', () => {
    expect(rateKeyOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(rateKeyOf('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(rateKeyOf('fe80::1')).toBe('fe80:0:0:0::/64');
    expect(rateKeyOf('::ffff:192.168.1.9')).toBe('192.168.1.9');
    expect(rateKeyOf('192.168.1.9')).toBe('192.168.1.9');
    expect(hostOf('fd00::1c', 5000)).toBe('[fd00::1c]:5000');
    expect(checkRoomOrigin({ host: '[fd00::1c]:5000', origin: 'http://[fd00::1c]:5000' }, '[fd00::1c]:5000')).toBeNull();
    expect(checkRoomOrigin({ host: 'fd00::1c:5000' }, '[fd00::1c]:5000')?.status).toBe(403);
    expect(checkRoomOrigin({ host: '[fd00::1c]:5000', origin: 'http://[fd00::1d]:5000' }, '[fd00::1c]:5000')?.status).toBe(403);
  });

  it('gives a link to the first device that joins with it: a second device gets nothing, and the facilitator is told', async () => {
    const { deps, workshop } = roomDeps();
    const status = await openRoom(deps, workshop);
    const ada = await joinedAndAdmitted(deps, workshop, status, ADA, 'Ada’s phone');
    viewOf(await participant(status, ada, 'participant.submitWeights', { weights: { cost: 5 } }));
    // Someone who read the link off the projector or the network: refused, shown nothing of Ada's.
    for (const channel of ['participant.join', 'participant.view', 'participant.submitWeights']) {
      const stolen = await participant(status, ada, channel, channel === 'participant.join' ? { device: 'Ada’s phone' } : channel === 'participant.view' ? {} : { weights: { cost: 0 } }, 'another device');
      expect(refusal(stolen), channel).toMatch(/already in use on another device/);
      expect(JSON.stringify(stolen.body)).not.toContain('"cost":5');
    }
    const seen = value<RoomStatus>(invokeChannel(deps, 'room.status', {}, quiet));
    expect(seen.open && seen.seats.find((s) => s.participantId === ADA)).toMatchObject({ state: 'admitted', device: 'Ada’s phone', otherDeviceTried: true });
    // Ada's own device carries on, her weights untouched.
    expect(viewOf(await participant(status, ada, 'participant.view')).weights['cost']).toBe(5);
  });

  it('drops what a revoked link sent: it is not revealed as the participant’s, and a new link starts clean', async () => {
    const { deps, workshop } = roomDeps();
    const status = await openRoom(deps, workshop);
    const ben = await joinedAndAdmitted(deps, workshop, status, BEN, 'Unknown phone');
    viewOf(await participant(status, ben, 'participant.submitWeights', { weights: { cost: 0 } }));
    value(invokeChannel(deps, 'room.revoke', { workshopId: workshop.id, participantId: BEN }, quiet));
    const again = value<RoomStatus>(invokeChannel(deps, 'room.reissue', { workshopId: workshop.id, participantId: BEN }, quiet));
    if (!again.open) throw new Error('closed');
    expect(again.seats.find((s) => s.participantId === BEN)).toMatchObject({ state: 'invited', device: null, weightsSubmitted: false, otherDeviceTried: false });
    const fresh = viewOf(await participant(status, linkOf(again, BEN), 'participant.join', { device: 'Ben’s phone' }));
    expect(fresh.weightsSubmitted).toBe(false);
    expect(value<RoomReveal>(invokeChannel(deps, 'room.reveal', { workshopId: workshop.id }, quiet)).submissions).toEqual([]);
  });

  it('opens only on an address of this computer or a loopback one', async () => {
    const { deps, workshop } = roomDeps();
    const refused = invokeChannelAsync(deps, 'room.open', { workshopId: workshop.id, address: '203.0.113.9' }, quiet);
    const result = await refused;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/not an address of this computer/);
    expect(isLoopbackAddress('127.0.0.2')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('192.168.1.4')).toBe(false);
    const listed = listRoomInterfaces(() => ({
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '00:00:00:00:00:00', cidr: '127.0.0.1/8' }],
      wlan0: [
        { address: '192.168.1.4', family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: 'aa:bb:cc:dd:ee:ff', cidr: '192.168.1.4/24' },
        { address: 'fe80::1', family: 'IPv6', internal: false, netmask: 'ffff:ffff:ffff:ffff::', mac: 'aa:bb:cc:dd:ee:ff', cidr: 'fe80::1/64', scopeid: 3 },
      ],
    }));
    expect(listed).toEqual([
      { name: 'wlan0', address: '192.168.1.4', family: 'IPv4', loopback: false, kind: 'private' },
      { name: 'lo', address: '127.0.0.1', family: 'IPv4', loopback: true, kind: 'loopback' },
    ]);
    // The room's network first, however the system orders them: a VPN, a container bridge and a public address after it.
    const info = (address: string, family: 'IPv4' | 'IPv6' = 'IPv4'): os.NetworkInterfaceInfo =>
      family === 'IPv4' ? { address, family, internal: false, netmask: '', mac: '', cidr: null } : { address, family, internal: false, netmask: '', mac: '', cidr: null, scopeid: 0 };
    const ordered = listRoomInterfaces(() => ({ tun0: [info('10.8.0.2')], docker0: [info('172.17.0.1')], eth0: [info('203.0.113.7'), info('2001:db8::7', 'IPv6')], wlp2s0: [info('192.168.0.12'), info('fd12::3', 'IPv6')] }));
    expect(ordered.map((i) => [i.name, i.address, i.kind])).toEqual([
      ['wlp2s0', '192.168.0.12', 'private'],
      ['wlp2s0', 'fd12::3', 'private'],
      ['eth0', '203.0.113.7', 'public'],
      ['eth0', '2001:db8::7', 'public'],
      ['tun0', '10.8.0.2', 'virtual'],
      ['docker0', '172.17.0.1', 'virtual'],
    ]);
  });

  it('closes itself when no one has used it for the idle period, and says so', async () => {
    const deps = tempDeps();
    const rendererDir = tempDir();
    deps.room = createRoomController({ rendererDir });
    closers.push(() => deps.room!.close());
    const workshop = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Idle' }, quiet));
    const opened = await deps.room.open(workshop.id, ROOM_ADDRESS, 1 / 600, () => ({ ok: true, value: null }));
    if (!opened.ok) throw new Error(opened.message);
    // Someone had sent weights that were never revealed: the facilitator is told they are gone.
    opened.open.room.ensureSeat(ADA).weights = { cost: 1 };
    await new Promise((r) => setTimeout(r, 400));
    const status = value<RoomStatus>(invokeChannel(deps, 'room.status', {}, quiet));
    expect(status).toEqual({ open: false, reason: expect.stringMatching(/closed itself.*one person had sent was not revealed and is gone/) });
  });

  it('stays open while the facilitator’s page watches a room holding answers not yet revealed', async () => {
    const { deps, workshop } = roomDeps();
    const opened = await deps.room!.open(workshop.id, ROOM_ADDRESS, 1 / 300, () => ({ ok: true, value: null }));
    if (!opened.ok) throw new Error(opened.message);
    opened.open.room.ensureSeat(ADA).weights = { cost: 1 };
    // 200 ms idle; the page asks how the room stands every 50 ms for 600 ms.
    for (let i = 0; i < 12; i++) {
      expect(value<RoomStatus>(invokeChannel(deps, 'room.status', {}, quiet)).open).toBe(true);
      await new Promise((r) => setTimeout(r, 50));
    }
    // Revealed, nothing is at stake: the room's own idle time applies again.
    value(invokeChannel(deps, 'room.reveal', { workshopId: workshop.id }, quiet));
    await new Promise((r) => setTimeout(r, 500));
    expect(value<RoomStatus>(invokeChannel(deps, 'room.status', {}, quiet)).open).toBe(false);
  });

  it('says plainly that a process without a network cannot run a room', () => {
    const deps = tempDeps();
    const r = invokeChannel(deps, 'room.interfaces', {}, quiet);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'unavailable' });
  });
});
