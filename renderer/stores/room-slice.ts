import type { StateCreator } from 'zustand';
import type { RoomInterface, RoomStatus, RoomSubmission } from '../../shared/contract';
import type { WorkshopState } from '../../shared/domain';
import type { AppState, StoreDeps } from './store';

/** How often the facilitator's page asks who has joined and submitted while the room is open. */
export const ROOM_POLL_MS = 2000;

export interface RoomSlice {
  /** The room as last read: open (with its seats) or closed (with why, when it closed itself). */
  room: RoomStatus | null;
  roomInterfaces: RoomInterface[] | null;
  roomError: string | null;
  /** Reads the networks this computer can open a room on, and where the room stands. */
  loadRoom: () => Promise<void>;
  openRoom: (address: string) => Promise<void>;
  closeRoom: () => Promise<void>;
  refreshRoom: () => Promise<void>;
  admitToRoom: (participantId: string) => Promise<void>;
  revokeRoomLink: (participantId: string) => Promise<void>;
  reissueRoomLink: (participantId: string) => Promise<void>;
  /**
   * Reveals everyone's submissions at once and puts them in the workshop as one edit (saved, undoable, in
   * milestones and records like any other); how many people's weights and votes it took.
   */
  revealRoom: () => Promise<{ weights: number; votes: number }>;
}

/** The workshop with what the room revealed: each person's weights, marked as entered on their own device. */
export function withRoomSubmissions(state: WorkshopState, submissions: readonly RoomSubmission[]): WorkshopState {
  const present = new Set(state.participants.map((p) => p.id));
  const mine = submissions.filter((s) => present.has(s.participantId));
  const weighed = mine.filter((s) => s.weights !== null);
  const voted = mine.filter((s) => s.votes.length > 0);
  if (weighed.length === 0 && voted.length === 0) return state;
  const weights = { ...state.weights };
  for (const s of weighed) weights[s.participantId] = { ...s.weights! };
  const votes = { ...state.votes };
  // A vote replaces that person's earlier vote on the same decision; their votes on other decisions stay.
  for (const s of voted) votes[s.participantId] = { ...votes[s.participantId], ...Object.fromEntries(s.votes.map((v) => [v.decision, { option: v.option, reason: v.reason }])) };
  const fromDevice = new Set(weighed.map((s) => s.participantId));
  return {
    ...state,
    weights,
    ...(voted.length > 0 ? { votes } : {}),
    participants: state.participants.map((p) => (fromDevice.has(p.id) ? { ...p, weightsFrom: 'own-device' as const } : p)),
  };
}

export function createRoomSlice(deps: StoreDeps): StateCreator<AppState, [], [], RoomSlice> {
  return (set, get) => {
    const settle = (r: { ok: true; value: RoomStatus } | { ok: false; error: { message: string } }) => {
      if (r.ok) set({ room: r.value, roomError: null });
      else set({ roomError: r.error.message });
    };
    const seatCall = async (channel: 'room.admit' | 'room.revoke' | 'room.reissue', participantId: string) => {
      const workshopId = get().current?.id;
      if (!workshopId) return;
      settle(await deps.api[channel]({ workshopId, participantId }));
    };
    return {
      room: null,
      roomInterfaces: null,
      roomError: null,

      loadRoom: async () => {
        const [interfaces, status] = await Promise.all([deps.api['room.interfaces']({}), deps.api['room.status']({})]);
        set({ roomInterfaces: interfaces.ok ? interfaces.value : [], roomError: interfaces.ok ? null : interfaces.error.message });
        if (status.ok) set({ room: status.value });
      },
      openRoom: async (address) => {
        const workshopId = get().current?.id;
        if (!workshopId) return;
        settle(await deps.api['room.open']({ workshopId, address }));
      },
      closeRoom: async () => settle(await deps.api['room.close']({})),
      refreshRoom: async () => {
        const r = await deps.api['room.status']({});
        if (r.ok) set({ room: r.value });
      },
      admitToRoom: (id) => seatCall('room.admit', id),
      revokeRoomLink: (id) => seatCall('room.revoke', id),
      reissueRoomLink: (id) => seatCall('room.reissue', id),
      revealRoom: async () => {
        const workshopId = get().current?.id;
        if (!workshopId) return { weights: 0, votes: 0 };
        const r = await deps.api['room.reveal']({ workshopId });
        if (!r.ok) {
          set({ roomError: r.error.message });
          return { weights: 0, votes: 0 };
        }
        set({ room: r.value.status, roomError: null });
        const taken = { weights: r.value.submissions.filter((s) => s.weights !== null).length, votes: r.value.submissions.filter((s) => s.votes.length > 0).length };
        if (taken.weights + taken.votes > 0) get().change((s) => withRoomSubmissions(s, r.value.submissions));
        return taken;
      },
    };
  };
}
