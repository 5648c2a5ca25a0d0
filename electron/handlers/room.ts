import {
  JOIN_ROUTE_PREFIX,
  ROOM_IDLE_MINUTES_DEFAULT,
  describeIssues,
  fail,
  ok,
  participantChannels,
  toFieldIssues,
  type ApiResult,
  type OpenRoomInput,
  type ParticipantChannel,
  type ParticipantView,
  type RoomInterface,
  type RoomParticipantRef,
  type RoomReveal,
  type RoomStatus,
} from '../../shared/contract';
import { participantName, type WorkshopState } from '../../shared/domain';
import type { OpenRoom, RoomController } from '../room/controller';
import type { Room, Seat } from '../room/room';
import type { ParticipantApi } from '../room/room-server';
import type { HandlerDeps } from './deps';
import { readWorkshop } from './workshop-pack';

const NO_ROOM = 'Running a room needs the desktop app or browser mode (`npm start`): this process serves no network.';

function controller(deps: HandlerDeps): RoomController | null {
  return deps.room;
}

/** The participants who weigh (decision-makers and the consulted): each gets a seat in the room. */
function weighing(state: WorkshopState): string[] {
  return state.participants.filter((p) => p.involvement !== 'informed').map((p) => p.id);
}

/**
 * Seats everyone who weighs now and drops the seats of people no longer in the workshop; returns who weighs. A
 * person moved to "informed" keeps their seat (and link) for when they are moved back, but is not shown or revealed.
 */
function syncSeats(deps: HandlerDeps, open: OpenRoom): Set<string> {
  const read = readWorkshop(deps, open.room.workshopId);
  if (!read.ok) return new Set(open.room.list().map((s) => s.participantId));
  open.room.keepOnly(new Set(read.state.participants.map((p) => p.id)));
  const ids = weighing(read.state);
  for (const id of ids) open.room.ensureSeat(id);
  return new Set(ids);
}

function statusOf(deps: HandlerDeps): RoomStatus {
  const rooms = controller(deps);
  const open = rooms?.current() ?? null;
  if (!rooms || !open) return { open: false, reason: rooms?.closedBecause() ?? null };
  const shown = syncSeats(deps, open);
  // The facilitator's page watching a room that holds unrevealed answers counts as using it: it does not close itself then.
  if (open.room.unrevealed() > 0) open.running.keepAlive();
  return {
    open: true,
    workshopId: open.room.workshopId,
    address: open.running.address,
    port: open.running.port,
    url: open.running.url,
    idleMinutes: open.idleMinutes,
    revealed: open.room.revealed,
    unrevealed: open.room.unrevealed(),
    seats: open.room.list().filter((s) => shown.has(s.participantId)).map((s) => ({
      participantId: s.participantId,
      link: `${open.running.url}${JOIN_ROUTE_PREFIX}${s.token}`,
      state: s.state,
      device: s.device,
      weightsSubmitted: s.weights !== null,
      votes: s.votes.size,
      otherDeviceTried: s.otherDeviceTried,
    })),
  };
}

export function roomInterfaces(deps: HandlerDeps): ApiResult<RoomInterface[]> {
  const rooms = controller(deps);
  return rooms ? ok(rooms.interfaces()) : fail('unavailable', NO_ROOM);
}

export function roomStatus(deps: HandlerDeps): ApiResult<RoomStatus> {
  return ok(statusOf(deps));
}

/** Opens the room for one workshop on the chosen address (closing any room already open). */
export async function openRoom(deps: HandlerDeps, input: OpenRoomInput): Promise<ApiResult<RoomStatus>> {
  const rooms = controller(deps);
  if (!rooms) return fail('unavailable', NO_ROOM);
  const read = readWorkshop(deps, input.workshopId);
  if (!read.ok) return read.result;
  const opened = await rooms.open(input.workshopId, input.address, input.idleMinutes ?? ROOM_IDLE_MINUTES_DEFAULT, participantApi(deps));
  if (!opened.ok) return fail('unavailable', opened.message);
  return ok(statusOf(deps));
}

/** Closes the room: every link stops working, and the room's network is no longer listened on. */
export async function closeRoom(deps: HandlerDeps): Promise<ApiResult<RoomStatus>> {
  await controller(deps)?.close();
  return ok(statusOf(deps));
}

/** Applies `change` to a seat of the open room of `input.workshopId`, then says where the room stands. */
function withSeat(deps: HandlerDeps, input: RoomParticipantRef, change: (open: OpenRoom) => boolean, refused: string): ApiResult<RoomStatus> {
  const open = controller(deps)?.current();
  if (!open || open.room.workshopId !== input.workshopId) return fail('conflict', 'The room is not open for this workshop.');
  syncSeats(deps, open);
  if (!change(open)) return fail('conflict', refused);
  return ok(statusOf(deps));
}

export function admitToRoom(deps: HandlerDeps, input: RoomParticipantRef): ApiResult<RoomStatus> {
  return withSeat(deps, input, (o) => o.room.admit(input.participantId), 'Only a device that has joined and waits can be admitted.');
}

export function revokeRoomLink(deps: HandlerDeps, input: RoomParticipantRef): ApiResult<RoomStatus> {
  return withSeat(deps, input, (o) => o.room.revoke(input.participantId), 'This participant has no place in the room.');
}

export function reissueRoomLink(deps: HandlerDeps, input: RoomParticipantRef): ApiResult<RoomStatus> {
  return withSeat(deps, input, (o) => o.room.reissue(input.participantId), 'This participant has no place in the room.');
}

/** Everyone's submissions at once; the participants' pages may show the room's result from now on. */
export function revealRoom(deps: HandlerDeps, input: { workshopId: string }): ApiResult<RoomReveal> {
  const open = controller(deps)?.current();
  if (!open || open.room.workshopId !== input.workshopId) return fail('conflict', 'The room is not open for this workshop.');
  const read = readWorkshop(deps, input.workshopId);
  if (!read.ok) return read.result;
  const shown = syncSeats(deps, open);
  // Only what still fits the workshop: its people who weigh, and its pack's criteria, decisions and options (the
  // workshop may have moved to another pack version since someone sent).
  const criteria = new Set(read.pack.criteria.map((c) => c.id));
  const optionsOf = new Map(read.pack.organisationDecisions.map((d) => [d.id, new Set(d.decision.options.map((o) => o.id))]));
  const submissions = open.room
    .reveal()
    .filter((s) => shown.has(s.participantId))
    .map((s) => ({
      participantId: s.participantId,
      weights: s.weights === null ? null : Object.fromEntries(Object.entries(s.weights).filter(([c]) => criteria.has(c))),
      votes: s.votes.filter((v) => optionsOf.get(v.decision)?.has(v.option) ?? false),
    }));
  return ok({ submissions, status: statusOf(deps) });
}

// ---- The participant's side: what a seat's token may do, and nothing more. ----

function viewOf(deps: HandlerDeps, seat: Seat, room: Room): ApiResult<ParticipantView> {
  const read = readWorkshop(deps, room.workshopId);
  if (!read.ok) return read.result;
  const { workshop, state, pack } = read;
  const person = state.participants.find((p) => p.id === seat.participantId);
  if (!person || person.involvement === 'informed') return fail('not-found', 'You are no longer among those who weigh in this workshop: ask the facilitator.');
  const defaults = Object.fromEntries(pack.criteria.map((c) => [c.id, c.defaultWeight]));
  return ok({
    state: seat.state === 'admitted' ? 'admitted' : 'pending',
    workshopTitle: workshop.title,
    participantName: participantName(person),
    criteria: pack.criteria.map((c) => ({ id: c.id, label: c.label, description: c.description, defaultWeight: c.defaultWeight })),
    weights: { ...defaults, ...(state.weights[person.id] ?? {}), ...(seat.weights ?? {}) },
    weightsSubmitted: seat.weights !== null,
    decisions: pack.organisationDecisions.map((d) => ({ id: d.id, title: d.decision.title, options: d.decision.options.map((o) => ({ id: o.id, label: o.label })) })),
    votes: [...seat.votes.values()],
    revealed: room.revealed,
  });
}

const TAKEN = 'This link is already in use on another device. If it is yours, ask the facilitator for a new one.';

/** The participants' channels for this workshop's room: input checked against the channel's schema first. */
function participantApi(deps: HandlerDeps): ParticipantApi {
  return (seat, channel, payload, deviceKey) => {
    const open = controller(deps)?.current();
    // A call still on its way when its room closed (or another opened) does not reach the new one.
    if (!open || open.room.seat(seat.participantId) !== seat) return fail('unavailable', 'The room has closed.');
    const parsed = participantChannels[channel].input.safeParse(payload ?? {});
    if (!parsed.success) return fail('invalid-input', `Refused: ${describeIssues(toFieldIssues(parsed.error))}.`, toFieldIssues(parsed.error));
    if (channel === 'participant.join') {
      const joined = open.room.join(seat, (parsed.data as { device: string }).device, deviceKey);
      if (!joined) return fail('forbidden', TAKEN);
      const view = viewOf(deps, seat, open.room);
      return view.ok && joined.newKey ? ok({ ...view.value, deviceKey: joined.newKey }) : view;
    }
    if (!open.room.fromSeatDevice(seat, deviceKey)) return fail('forbidden', seat.deviceKey === null ? 'Join first: open your link again.' : TAKEN);
    return participantCall(deps, open, seat, channel, parsed.data);
  };
}

function participantCall(deps: HandlerDeps, open: OpenRoom, seat: Seat, channel: Exclude<ParticipantChannel, 'participant.join'>, input: unknown): ApiResult<ParticipantView> {
  if (channel === 'participant.view') return viewOf(deps, seat, open.room);
  if (seat.state !== 'admitted') return fail('forbidden', 'The facilitator has not admitted this device yet.');
  if (open.room.revealed) return fail('conflict', 'The facilitator has revealed everyone’s answers: changes are made in the room now.');
  const view = viewOf(deps, seat, open.room);
  if (!view.ok) return view;
  if (channel === 'participant.submitWeights') {
    const weights = (input as { weights: Record<string, number> }).weights;
    const known = new Set(view.value.criteria.map((c) => c.id));
    const unknown = Object.keys(weights).filter((k) => !known.has(k));
    if (unknown.length > 0) return fail('invalid-input', `Refused: ${unknown.join(', ')} is not a criterion of this workshop.`);
    seat.weights = { ...view.value.weights, ...weights };
  } else {
    const vote = input as { decision: string; option: string; reason: string };
    const decision = view.value.decisions.find((d) => d.id === vote.decision);
    if (!decision) return fail('invalid-input', `Refused: ${vote.decision} is not a decision of this workshop.`);
    if (!decision.options.some((o) => o.id === vote.option)) return fail('invalid-input', `Refused: ${vote.option} is not an option of ${decision.title}.`);
    seat.votes.set(vote.decision, vote);
  }
  return viewOf(deps, seat, open.room);
}
