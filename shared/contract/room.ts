import { z } from 'zod';
import { PackItemId, WorkshopId } from '../domain';
import type { PARTICIPANT_CHANNELS } from './channel-names';

/**
 * The workshop room: each participant answers on their own device over the room's own network. The facilitator's
 * channels (below, in the one channel map) open and run it; a participant's device reaches only the small set of
 * PARTICIPANT_CHANNELS, with a token that names one participant of one workshop.
 */

/** A network address of this computer the room can listen on. */
export const RoomInterface = z.object({
  /** The interface's name as the system gives it ("wlan0", "Ethernet"). */
  name: z.string(),
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6']),
  /** A loopback address: reachable from this computer only (a rehearsal, or a test). */
  loopback: z.boolean(),
  /**
   * What kind of network it looks like: `private` (a LAN's own addresses: the usual room network), `public` (an
   * address others beyond the room's network may reach), `virtual` (a VPN, containers or a virtual machine), `loopback`.
   */
  kind: z.enum(['private', 'public', 'virtual', 'loopback']),
});
export type RoomInterface = z.infer<typeof RoomInterface>;

/** Longest the room may stay open with nobody using it, in minutes (it closes itself after). */
export const ROOM_IDLE_MINUTES_MAX = 240;
export const ROOM_IDLE_MINUTES_DEFAULT = 30;

export const OpenRoomInput = z
  .object({
    workshopId: WorkshopId,
    /** One of the addresses `room.interfaces` lists (IPv4 or IPv6, as given there), or a loopback address. */
    address: z.string().min(2).max(64),
    idleMinutes: z.number().int().min(1).max(ROOM_IDLE_MINUTES_MAX).optional(),
  })
  .strict();
export type OpenRoomInput = z.infer<typeof OpenRoomInput>;

export const RoomParticipantRef = z.object({ workshopId: WorkshopId, participantId: z.uuid({ message: 'must be a participant id (a UUID)' }) }).strict();
export type RoomParticipantRef = z.infer<typeof RoomParticipantRef>;

/**
 * Where a participant's link stands: `invited` (not used yet), `pending` (a device has joined and waits to be
 * admitted), `admitted`, `revoked` (the link no longer works; a new one can be issued).
 */
export const SEAT_STATES = ['invited', 'pending', 'admitted', 'revoked'] as const;
export const SeatState = z.enum(SEAT_STATES);
export type SeatState = z.infer<typeof SeatState>;

/** The facilitator's view of one participant's place in the room. */
export const RoomSeat = z.object({
  participantId: z.string(),
  /** The personal join link (it carries the participant's token): shown to them alone, as a QR code or a slip. */
  link: z.string(),
  state: SeatState,
  /** What the device said it is when it joined ("iPhone · Safari"), to tell devices apart before admitting. */
  device: z.string().nullable(),
  weightsSubmitted: z.boolean(),
  /** Decisions this participant has voted on. */
  votes: z.number().int(),
  /** Another device tried this link after its own device joined (it was refused): a link that went astray. */
  otherDeviceTried: z.boolean(),
});
export type RoomSeat = z.infer<typeof RoomSeat>;

export const RoomStatus = z.discriminatedUnion('open', [
  z.object({ open: z.literal(false), reason: z.string().nullable() }),
  z.object({
    open: z.literal(true),
    workshopId: z.string(),
    address: z.string(),
    port: z.number().int(),
    /** The room's address on the network, without any token. */
    url: z.string(),
    idleMinutes: z.number(),
    revealed: z.boolean(),
    /** How many people have sent answers that have not been revealed (what closing the room would discard). */
    unrevealed: z.number().int(),
    seats: z.array(RoomSeat),
  }),
]);
export type RoomStatus = z.infer<typeof RoomStatus>;

/** A participant's vote on the room's choice for one decision. */
export const RoomVote = z
  .object({
    decision: PackItemId,
    option: PackItemId,
    reason: z.string().trim().max(2000, { message: 'must be at most 2,000 characters' }),
  })
  .strict();
export type RoomVote = z.infer<typeof RoomVote>;

/** What a participant submitted, as the facilitator receives it when revealing. */
export const RoomSubmission = z.object({
  participantId: z.string(),
  weights: z.record(z.string(), z.number()).nullable(),
  votes: z.array(RoomVote),
});
export type RoomSubmission = z.infer<typeof RoomSubmission>;

export const RevealRoomInput = z.object({ workshopId: WorkshopId }).strict();
export type RevealRoomInput = z.infer<typeof RevealRoomInput>;

export const RoomReveal = z.object({ submissions: z.array(RoomSubmission), status: RoomStatus });
export type RoomReveal = z.infer<typeof RoomReveal>;

// ---- The participant's channels: the only ones a participant token opens. ----

/** Longest device description a phone may send. */
export const DEVICE_LABEL_MAX = 80;

export const JoinInput = z.object({ device: z.string().trim().max(DEVICE_LABEL_MAX) }).strict();
export type JoinInput = z.infer<typeof JoinInput>;

/** What a participant's own page shows: their own input only, and others' only once revealed. */
export const ParticipantView = z.object({
  state: z.enum(['pending', 'admitted']),
  workshopTitle: z.string(),
  participantName: z.string(),
  /** The criteria to weigh, with what each means. */
  criteria: z.array(z.object({ id: z.string(), label: z.string(), description: z.string(), defaultWeight: z.number() })),
  /** This participant's own weights: as submitted, else as the workshop holds them, else the defaults. */
  weights: z.record(z.string(), z.number()),
  weightsSubmitted: z.boolean(),
  /** The decisions to vote on and their options. */
  decisions: z.array(z.object({ id: z.string(), title: z.string(), options: z.array(z.object({ id: z.string(), label: z.string() })) })),
  votes: z.array(RoomVote),
  revealed: z.boolean(),
});
export type ParticipantView = z.infer<typeof ParticipantView>;

const weight = z.number({ message: 'must be a number' }).min(0, { message: 'must be from 0 to 5' }).max(5, { message: 'must be from 0 to 5' });
export const SubmitWeightsInput = z.object({ weights: z.record(PackItemId, weight) }).strict();
export type SubmitWeightsInput = z.infer<typeof SubmitWeightsInput>;

export const SubmitVoteInput = RoomVote;
export type SubmitVoteInput = z.infer<typeof SubmitVoteInput>;

/** The participant's channels, each with its input and output; served on the room's address under ROOM_API_PREFIX. */
/** Joining also hands the device, the first time, the secret it sends with every later call (see DEVICE_KEY_HEADER). */
export const JoinedView = ParticipantView.extend({ deviceKey: z.string().optional() });
export type JoinedView = z.infer<typeof JoinedView>;

export const participantChannels = {
  'participant.join': { input: JoinInput, output: JoinedView },
  'participant.view': { input: z.object({}).strict(), output: ParticipantView },
  'participant.submitWeights': { input: SubmitWeightsInput, output: ParticipantView },
  'participant.vote': { input: SubmitVoteInput, output: ParticipantView },
} as const;
export type ParticipantChannel = keyof typeof participantChannels;
// The names are kept in channel-names.ts (no zod, for the participant's page); this checks they match.
const _sameNames: Record<ParticipantChannel, true> & Record<(typeof PARTICIPANT_CHANNELS)[number], true> = { 'participant.join': true, 'participant.view': true, 'participant.submitWeights': true, 'participant.vote': true };
void _sameNames;


