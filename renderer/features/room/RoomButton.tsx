import { useEffect } from 'react';
import { useAppPick } from '../../stores/context';
import { ROOM_POLL_MS } from '../../stores/room-slice';

/**
 * Keeps the room's status fresh while a workshop is open: read once, then every couple of seconds while the room
 * is open, so who has joined and sent shows on whatever step the facilitator is.
 */
export function useRoomStatus(): void {
  const { room, loadRoom, refreshRoom } = useAppPick('room', 'loadRoom', 'refreshRoom');
  useEffect(() => {
    void loadRoom();
  }, [loadRoom]);
  const open = room?.open ?? false;
  useEffect(() => {
    if (!open) return;
    const id = setInterval(() => void refreshRoom(), ROOM_POLL_MS);
    return () => clearInterval(id);
  }, [open, refreshRoom]);
}

/** The workshop bar's way to the room: where it stands (open, how many devices wait to be admitted), and a click to it. */
export function RoomButton({ workshopId }: { workshopId: string }) {
  const { room, navigate } = useAppPick('room', 'navigate');
  const open = room?.open && room.workshopId === workshopId ? room : null;
  const elsewhere = room?.open === true && open === null;
  const waiting = open ? open.seats.filter((s) => s.state === 'pending').length : 0;
  const label = open ? `Room open${waiting > 0 ? ` · ${waiting} waiting` : ''}` : elsewhere ? 'Room open for another workshop' : 'Room';
  return (
    <button
      type="button"
      className={`button button-small${waiting > 0 ? ' button-attention' : ''}`}
      title="Each person on their own device"
      onClick={() => {
        navigate({ name: 'workshop', id: workshopId, step: 'priorities' });
        // The step renders first; then the room's card is brought into view.
        requestAnimationFrame(() => document.getElementById('room-title')?.scrollIntoView({ block: 'start' }));
      }}
    >
      {label}
    </button>
  );
}
