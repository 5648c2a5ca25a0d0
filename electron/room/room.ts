import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RoomSubmission, RoomVote, SeatState } from '../../shared/contract';

/** One participant's place in an open room: their link's token, the device that joined with it, what they sent. */
export interface Seat {
  participantId: string;
  /** 32 random bytes, base64url: the capability in the participant's join link. */
  token: string;
  state: SeatState;
  device: string | null;
  /**
   * The secret of the one device that joined with this link, given to it alone when it joined: every later call
   * must carry it, so a second device with the same link (one that read it off the projector or the network)
   * gets nothing, not even the seat's answers.
   */
  deviceKey: string | null;
  /** True once another device has tried to use this link after its device joined (the facilitator is told). */
  otherDeviceTried: boolean;
  weights: Record<string, number> | null;
  votes: Map<string, RoomVote>;
}

/** A fresh token: 256 random bits, so guessing one is out of reach whatever the rate limit. */
export function newSeatToken(): string {
  return randomBytes(32).toString('base64url');
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Two secrets compared in constant time (through their digests, so their lengths do not show either). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * An open room's seats, in memory only: a link works while its room is open and dies with it. Tokens are looked
 * up by comparing digests in constant time against every seat, so how long a lookup takes says nothing about
 * how much of a guess was right.
 */
export class Room {
  private readonly seats = new Map<string, Seat>();
  revealed = false;

  constructor(readonly workshopId: string) {}

  /** The seat of each participant, in the order they were seated. */
  list(): Seat[] {
    return [...this.seats.values()];
  }

  seat(participantId: string): Seat | undefined {
    return this.seats.get(participantId);
  }

  /** Seats a participant with a new link (a participant already seated keeps theirs). */
  ensureSeat(participantId: string): Seat {
    const existing = this.seats.get(participantId);
    if (existing) return existing;
    const seat: Seat = { participantId, token: newSeatToken(), state: 'invited', device: null, deviceKey: null, otherDeviceTried: false, weights: null, votes: new Map() };
    this.seats.set(participantId, seat);
    return seat;
  }

  /** Drops seats of people no longer in the workshop (their links stop working at once). */
  keepOnly(participantIds: ReadonlySet<string>): void {
    for (const id of [...this.seats.keys()]) if (!participantIds.has(id)) this.seats.delete(id);
  }

  /** The seat a token opens, or null: unknown, or revoked. */
  seatOfToken(token: string): Seat | null {
    const given = digest(token);
    let found: Seat | null = null;
    // Every seat is compared, whatever matched, so the time taken does not depend on which seat (if any) it is.
    for (const seat of this.seats.values()) {
      if (timingSafeEqual(given, digest(seat.token)) && seat.state !== 'revoked') found = seat;
    }
    return found;
  }

  /**
   * The link stops working at once, and what was sent with it is dropped: a revoked link is one the facilitator
   * no longer trusts, so nothing it sent is revealed as this participant's.
   */
  revoke(participantId: string): boolean {
    const seat = this.seats.get(participantId);
    if (!seat) return false;
    seat.state = 'revoked';
    forget(seat);
    return true;
  }

  /** A new link for a participant (after a revoke, or a link that went astray): the old one stops working. */
  reissue(participantId: string): boolean {
    const seat = this.seats.get(participantId);
    if (!seat) return false;
    seat.token = newSeatToken();
    seat.state = 'invited';
    forget(seat);
    return true;
  }

  /**
   * The first device to join with a seat's link takes it: it is given the seat's device key (returned once).
   * Null when another device already holds the seat (noted for the facilitator).
   */
  join(seat: Seat, device: string, key: string | null): { newKey: string | null } | null {
    if (seat.deviceKey === null) {
      seat.deviceKey = randomBytes(32).toString('base64url');
      seat.device = device || 'A device';
      if (seat.state === 'invited') seat.state = 'pending';
      return { newKey: seat.deviceKey };
    }
    if (key !== null && sameSecret(key, seat.deviceKey)) return { newKey: null };
    seat.otherDeviceTried = true;
    return null;
  }

  /** Whether a call comes from the device that joined with this seat's link. */
  fromSeatDevice(seat: Seat, key: string | null): boolean {
    if (seat.deviceKey === null || key === null) return false;
    if (sameSecret(key, seat.deviceKey)) return true;
    seat.otherDeviceTried = true;
    return false;
  }

  admit(participantId: string): boolean {
    const seat = this.seats.get(participantId);
    if (!seat || seat.state !== 'pending') return false;
    seat.state = 'admitted';
    return true;
  }

  /** How many seats hold answers not revealed yet. */
  unrevealed(): number {
    return this.revealed ? 0 : this.list().filter((s) => s.weights !== null || s.votes.size > 0).length;
  }

  /** What every seat submitted; the room counts as revealed from now on. */
  reveal(): RoomSubmission[] {
    this.revealed = true;
    return this.list()
      .filter((s) => s.weights !== null || s.votes.size > 0)
      .map((s) => ({ participantId: s.participantId, weights: s.weights, votes: [...s.votes.values()] }));
  }
}

/** A seat as it was before any device joined with it: no device, nothing sent. */
function forget(seat: Seat): void {
  seat.device = null;
  seat.deviceKey = null;
  seat.otherDeviceTried = false;
  seat.weights = null;
  seat.votes.clear();
}
