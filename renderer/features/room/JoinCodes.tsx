import { useEffect } from 'react';
import type { RoomSeat } from '../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { QrCode } from './QrCode';

/** One participant's join code, large enough to scan off the projector; the others one at a time. */
export function JoinCodeDialog({ seats, at, nameOf, onMove, onClose }: { seats: readonly RoomSeat[]; at: number; nameOf: (id: string) => string; onMove: (at: number) => void; onClose: () => void }) {
  const seat = seats[Math.min(at, seats.length - 1)];
  if (!seat) return null;
  const name = nameOf(seat.participantId);
  return (
    <Dialog
      title="Join code"
      open
      onClose={onClose}
      onSubmit={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={() => onMove(at - 1)} disabled={at === 0}>
            Previous
          </button>
          <button type="button" className="button" onClick={() => onMove(at + 1)} disabled={at >= seats.length - 1}>
            Next
          </button>
          <button type="submit" className="button button-primary">
            Done
          </button>
        </>
      }
    >
      <div className="join-code">
        <p className="join-code-name">
          {name} <span className="muted">({at + 1} of {seats.length})</span>
        </p>
        <p className="muted small">Only {name} scans this: the link is theirs alone.</p>
        {seat.state === 'revoked' ? <p>This link was revoked: issue a new one first.</p> : <QrCode text={seat.link} label={`Join code for ${name}`} pixels={320} />}
        <p className="mono small join-link">{seat.link}</p>
      </div>
    </Dialog>
  );
}

/** A slip per participant to print and hand out: name, code, link, and what the link is. */
export function JoinSlips({ seats, nameOf, url, onClose }: { seats: readonly RoomSeat[]; nameOf: (id: string) => string; url: string; onClose: () => void }) {
  // While the slips are shown, printing prints them alone.
  useEffect(() => {
    document.documentElement.classList.add('printing-slips');
    return () => document.documentElement.classList.remove('printing-slips');
  }, []);
  const live = seats.filter((s) => s.state !== 'revoked');
  return (
    <section className="join-slips" aria-labelledby="join-slips-title">
      <div className="join-slips-head">
        <h3 id="join-slips-title">Join slips</h3>
        <div className="room-actions">
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" className="button" onClick={onClose}>
            Close slips
          </button>
        </div>
      </div>
      <ul className="slips">
        {live.map((s) => {
          const name = nameOf(s.participantId);
          return (
            <li key={s.participantId} className="slip">
              <p className="slip-name">{name}</p>
              <QrCode text={s.link} label={`Join code for ${name}`} pixels={150} />
              <p className="small">Scan with your phone’s camera, on the room’s network ({url.replace(/^http:\/\//, '').replace(/\/$/, '')}). This link is yours alone and works until the room closes.</p>
              <p className="mono slip-link">{s.link}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
