import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PARTICIPANT_CHANNELS, ROOM_API_PREFIX, type ApiResult, type ParticipantChannel } from '../../shared/contract';
import { readJsonPost, refuse, sendJson, serveStatic, type Refusal } from '../serve/http';
import type { Room, Seat } from './room';

/**
 * A participant's call, after the room has checked the token: answers with the channel's result. `deviceKey` is
 * what the call carried as its device's secret (null when none).
 */
export type ParticipantApi = (seat: Seat, channel: ParticipantChannel, payload: unknown, deviceKey: string | null) => Promise<ApiResult<unknown>> | ApiResult<unknown>;

/** The header a participant's page sends its device key in. */
export const DEVICE_KEY_HEADER = 'x-stratum-device';

/**
 * Limits, each over one minute: requests from one network address (a phone, or all the phones behind one NAT),
 * calls on one seat, and refused tokens from one address, past which that address's unknown tokens get 429
 * (a right token still works: a guesser cannot lock a participant out).
 */
export interface RoomLimits {
  requestsPerMinute: number;
  seatCallsPerMinute: number;
  failuresPerMinute: number;
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = { requestsPerMinute: 600, seatCallsPerMinute: 120, failuresPerMinute: 10 };

/** Most addresses (or seats) counted at once: past this, counts whose minute is over are swept, and then new ones refused. */
const MAX_COUNTED = 4096;

/** A participant's page sends small things: weights and a vote with its reason. */
export const ROOM_MAX_BODY_BYTES = 64 * 1024;

export interface RoomServerOptions {
  room: Room;
  /** The one address to listen on: the interface the facilitator chose. */
  address: string;
  /** 0 picks a free port. */
  port?: number;
  rendererDir: string;
  api: ParticipantApi;
  /** Closes the room after this long without a request from anyone (its links die with it). */
  idleMs: number;
  onIdle: () => void;
  limits?: RoomLimits;
  clock?: () => number;
}

export interface RunningRoom {
  address: string;
  port: number;
  /** The room's address as a participant's browser reaches it. */
  url: string;
  /** Counts as use of the room (its idle time starts again). */
  keepAlive: () => void;
  close: () => Promise<void>;
}

/** How a browser writes the room's host: an IPv6 address in brackets. */
export function hostOf(address: string, port: number): string {
  return `${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/**
 * Host and Origin checks: the room answers only requests addressed to the address the facilitator chose (no
 * other name reaches it, so DNS rebinding cannot), and only from its own pages.
 */
export function checkRoomOrigin(headers: http.IncomingHttpHeaders, host: string): Refusal | null {
  if ((headers.host ?? '').toLowerCase() !== host.toLowerCase()) {
    return { status: 403, message: 'Refused: the room answers only requests addressed to the address the facilitator opened it on.' };
  }
  const origin = headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`.toLowerCase()) {
    return { status: 403, message: 'Refused: requests from other pages are not accepted.' };
  }
  return null;
}

/** Counts per key in fixed one-minute windows: constant work a request, and a bounded number of keys. */
class RateWindow {
  private readonly counts = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly clock: () => number,
  ) {}

  private current(key: string, create: boolean): { start: number; count: number } | null {
    const now = this.clock();
    let entry = this.counts.get(key);
    if (entry && now - entry.start >= 60_000) entry = undefined;
    if (!entry && create) {
      if (this.counts.size >= MAX_COUNTED) this.sweep(now);
      if (this.counts.size >= MAX_COUNTED) return null;
      entry = { start: now, count: 0 };
      this.counts.set(key, entry);
    }
    return entry ?? null;
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.counts) if (now - entry.start >= 60_000) this.counts.delete(key);
  }

  /** Counts one (up to the limit) and says whether the key is still within it. */
  take(key: string): boolean {
    const entry = this.current(key, true);
    if (!entry) return false;
    if (entry.count >= this.limit) return false;
    entry.count++;
    return true;
  }

  over(key: string): boolean {
    return (this.current(key, false)?.count ?? 0) >= this.limit;
  }
}

/**
 * Whom a request counts against: its IPv4 address, or the /64 an IPv6 address is in (a device can take any
 * address of its /64, so counting single addresses would let it make up new ones).
 */
export function rateKeyOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

const WAIT = 'Too many requests from this device: wait a minute, then reload the page.';

interface Limiters {
  seats: RateWindow;
  failures: RateWindow;
}

/** The participant's channels: a POST of JSON with the participant's token as `Authorization: Bearer …`. */
async function handleParticipant(req: http.IncomingMessage, res: http.ServerResponse, channel: string, opts: RoomServerOptions, limits: Limiters, address: string, touch: () => void): Promise<void> {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  const seat = match?.[1] ? opts.room.seatOfToken(match[1]) : null;
  if (!seat) {
    if (!limits.failures.take(address)) return refuse(res, { status: 429, message: WAIT });
    return refuse(res, { status: 403, message: 'This join link no longer works: ask the facilitator for a new one.' });
  }
  if (!limits.seats.take(seat.participantId)) return refuse(res, { status: 429, message: WAIT });
  // Only a call a seat's token opens keeps the room from closing itself: refused ones do not.
  touch();
  if (!(PARTICIPANT_CHANNELS as readonly string[]).includes(channel)) {
    return sendJson(res, 404, { ok: false, error: { code: 'not-found', message: `Unknown channel "${channel}".` } });
  }
  const call = await readJsonPost(req, res, ROOM_MAX_BODY_BYTES, 'Calls');
  if (!call) return;
  const key = req.headers[DEVICE_KEY_HEADER];
  sendJson(res, 200, await opts.api(seat, channel as ParticipantChannel, call.payload, typeof key === 'string' && key.length > 0 ? key : null));
}

/**
 * Serves the participants' page and their channels on the one address the facilitator chose, and nothing else:
 * the facilitator's channels (`/api/`) are refused here whatever token comes with them.
 */
export function startRoomServer(opts: RoomServerOptions): Promise<RunningRoom> {
  const clock = opts.clock ?? Date.now;
  const limits = opts.limits ?? DEFAULT_ROOM_LIMITS;
  const requests = new RateWindow(limits.requestsPerMinute, clock);
  const limiters: Limiters = { seats: new RateWindow(limits.seatCallsPerMinute, clock), failures: new RateWindow(limits.failuresPerMinute, clock) };
  let host = '';
  let idle: NodeJS.Timeout | null = null;
  const touch = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(opts.onIdle, opts.idleMs);
    idle.unref();
  };

  const server = http.createServer({ headersTimeout: 10_000, requestTimeout: 15_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 }, (req, res) => {
    const refusal = checkRoomOrigin(req.headers, host);
    if (refusal) return refuse(res, refusal);
    const address = rateKeyOf(req.socket.remoteAddress ?? 'unknown');
    if (!requests.take(address)) return refuse(res, { status: 429, message: WAIT });
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://room').pathname;
    } catch {
      return refuse(res, { status: 400, message: 'Malformed request address.' });
    }
    if (pathname.startsWith('/api/')) {
      return refuse(res, { status: 403, message: 'Refused: this address serves the participants’ page only; the facilitator’s channels are not reachable from the room’s network.' });
    }
    const work = pathname.startsWith(ROOM_API_PREFIX)
      ? handleParticipant(req, res, pathname.slice(ROOM_API_PREFIX.length), opts, limiters, address, touch)
      : Promise.resolve(serveStatic(req, res, pathname, opts.rendererDir));
    work.catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The request failed.' } });
      else res.destroy();
    });
  });
  server.maxHeadersCount = 100;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.address, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      host = hostOf(opts.address, port);
      touch();
      resolve({
        address: opts.address,
        port,
        url: `http://${host}/`,
        keepAlive: touch,
        close: () =>
          new Promise<void>((done) => {
            if (idle) clearTimeout(idle);
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
