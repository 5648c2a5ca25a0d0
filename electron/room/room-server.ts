import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PARTICIPANT_CHANNELS, ROOM_API_PREFIX, type ApiResult, type ParticipantChannel } from '../../shared/contract';
import { readJsonPost, refuse, sendJson, serveStatic, type Refusal } from '../serve/http';
import type { Room, Seat } from './room';

/** A participant's call, after the room has checked the token: answers with the channel's result. */
export type ParticipantApi = (seat: Seat, channel: ParticipantChannel, payload: unknown) => Promise<ApiResult<unknown>> | ApiResult<unknown>;

/** Requests a device may make in a minute, and tokens it may get wrong in a minute before it is told to wait. */
export interface RoomLimits {
  requestsPerMinute: number;
  failuresPerMinute: number;
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = { requestsPerMinute: 240, failuresPerMinute: 10 };

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

/** Counts per device (remote address) in a sliding one-minute window. */
class RateWindow {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly clock: () => number,
  ) {}

  /** Records one and says whether the device is still within the limit. */
  take(key: string): boolean {
    const now = this.clock();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < 60_000);
    recent.push(now);
    this.hits.set(key, recent);
    return recent.length <= this.limit;
  }

  over(key: string): boolean {
    const now = this.clock();
    return (this.hits.get(key) ?? []).filter((t) => now - t < 60_000).length >= this.limit;
  }
}

const WAIT = 'Too many requests from this device: wait a minute, then reload the page.';

/** The participant's channels: a POST of JSON with the participant's token as `Authorization: Bearer …`. */
async function handleParticipant(req: http.IncomingMessage, res: http.ServerResponse, channel: string, opts: RoomServerOptions, failures: RateWindow, device: string): Promise<void> {
  if (failures.over(device)) return refuse(res, { status: 429, message: WAIT });
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  const seat = match?.[1] ? opts.room.seatOfToken(match[1]) : null;
  if (!seat) {
    failures.take(device);
    return refuse(res, { status: 403, message: 'This join link no longer works: ask the facilitator for a new one.' });
  }
  if (!(PARTICIPANT_CHANNELS as readonly string[]).includes(channel)) {
    return sendJson(res, 404, { ok: false, error: { code: 'not-found', message: `Unknown channel "${channel}".` } });
  }
  const call = await readJsonPost(req, res, ROOM_MAX_BODY_BYTES, 'Calls');
  if (!call) return;
  sendJson(res, 200, await opts.api(seat, channel as ParticipantChannel, call.payload));
}

/**
 * Serves the participants' page and their channels on the one address the facilitator chose, and nothing else:
 * the facilitator's channels (`/api/`) are refused here whatever token comes with them.
 */
export function startRoomServer(opts: RoomServerOptions): Promise<RunningRoom> {
  const clock = opts.clock ?? Date.now;
  const limits = opts.limits ?? DEFAULT_ROOM_LIMITS;
  const requests = new RateWindow(limits.requestsPerMinute, clock);
  const failures = new RateWindow(limits.failuresPerMinute, clock);
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
    const device = req.socket.remoteAddress ?? 'unknown';
    if (!requests.take(device)) return refuse(res, { status: 429, message: WAIT });
    touch();
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
      ? handleParticipant(req, res, pathname.slice(ROOM_API_PREFIX.length), opts, failures, device)
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
