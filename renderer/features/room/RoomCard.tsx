import { useState } from 'react';
import type { RoomInterface, RoomSeat, RoomStatus } from '../../../shared/contract';
import { participantName, type Participant } from '../../../shared/domain';
import { ActionsColumnHead, Card, ErrorCallout, Field, OptionSelect, SubmitForm, TableHead } from '../../components/form';
import { useAppPick } from '../../stores/context';
import { JoinCodeDialog, JoinSlips } from './JoinCodes';

type OpenStatus = Extract<RoomStatus, { open: true }>;

/**
 * Each participant on their own device: the facilitator opens the room on a network of this computer, hands out
 * personal join links, admits the devices that join, and reveals everyone's weights at once.
 */
export function RoomCard({ workshopId, participants }: { workshopId: string; participants: readonly Participant[] }) {
  // The workshop page keeps the room's status fresh (useRoomStatus); this card shows it.
  const { room, roomInterfaces, roomError } = useAppPick('room', 'roomInterfaces', 'roomError');
  const open = room?.open ? room : null;

  return (
    <Card titleId="room-title" title="Each person on their own device" className="room-card">
      {open && open.workshopId === workshopId ? (
        <RoomOpen status={open} participants={participants} />
      ) : (
        <RoomClosed interfaces={roomInterfaces} other={open} reason={room && !room.open ? room.reason : null} />
      )}
      {roomError && <ErrorCallout message={roomError} />}
    </Card>
  );
}

const KIND_WORDS: Record<RoomInterface['kind'], string> = {
  private: '',
  public: ' (a public address: others beyond the room may reach it)',
  virtual: ' (a VPN or virtual network)',
  loopback: ' (this computer only)',
};

function interfaceLabel(i: RoomInterface): string {
  return `${i.name} · ${i.address}${KIND_WORDS[i.kind]}`;
}

function RoomClosed({ interfaces, other, reason }: { interfaces: RoomInterface[] | null; other: OpenStatus | null; reason: string | null }) {
  const { openRoom } = useAppPick('openRoom');
  const [address, setAddress] = useState('');
  const chosen = address || interfaces?.[0]?.address || '';
  const [busy, setBusy] = useState(false);
  if (other) {
    return (
      <>
        <p>The room is open for another workshop. Close it to open one for this workshop.</p>
        <div className="room-actions">
          <CloseRoomButton unrevealed={other.unrevealed} />
        </div>
      </>
    );
  }
  return (
    <>
      <p className="muted">
        Each person weighs the criteria on their own phone or laptop over this room’s network, and nobody sees anyone else’s weights until you reveal them all at once. Nothing
        leaves this computer: the room is served from here and closes with it.
      </p>
      {reason && (
        <p className="callout callout-info" role="status">
          {reason}
        </p>
      )}
      {interfaces && interfaces.length === 0 && <p>This computer has no network to open a room on.</p>}
      {interfaces && interfaces.length > 0 && (
        <SubmitForm
          className="room-open-form"
          onSubmit={async () => {
            setBusy(true);
            await openRoom(chosen);
            setBusy(false);
          }}
        >
          <Field id="room-network" label="Network">
            <OptionSelect id="room-network" value={chosen} options={interfaces.map((i) => ({ id: i.address, label: interfaceLabel(i) }))} onChange={setAddress} aria-describedby="room-network-hint" />
          </Field>
          <button type="submit" className="button button-primary" disabled={busy}>
            Open the room
          </button>
          <p id="room-network-hint" className="field-hint room-network-hint">
            The network the participants’ devices are on. Stratum listens on this one address only, and only while the room is open.
          </p>
        </SubmitForm>
      )}
    </>
  );
}

function RoomOpen({ status, participants }: { status: OpenStatus; participants: readonly Participant[] }) {
  const { revealRoom, showNotice } = useAppPick('revealRoom', 'showNotice');
  const [showing, setShowing] = useState<number | null>(null);
  const [slips, setSlips] = useState(false);
  const nameOf = (id: string) => {
    const p = participants.find((x) => x.id === id);
    return p ? participantName(p) : 'Someone no longer listed';
  };
  const submitted = status.seats.filter((s) => s.weightsSubmitted || s.votes > 0).length;
  const live = status.seats.filter((s) => s.state !== 'revoked').length;
  const reveal = async () => {
    const taken = await revealRoom();
    showNotice({ message: revealedWords(taken), tone: 'info' });
  };
  return (
    <>
      <p>
        The room is open at <span className="mono">{status.url}</span>. Each link below works for one person until the room closes; it closes itself after {status.idleMinutes} minutes
        with no one using it.
      </p>
      <table className="data-table room-seats">
        <TableHead columns={['Participant', 'Status', 'Sent']}>
          <ActionsColumnHead />
        </TableHead>
        <tbody>
          {status.seats.map((s, i) => (
            <SeatRow key={s.participantId} seat={s} name={nameOf(s.participantId)} onShow={() => setShowing(i)} />
          ))}
        </tbody>
      </table>
      <div className="room-actions">
        <button type="button" className="button" onClick={() => setShowing(0)} disabled={status.seats.length === 0}>
          Show join codes
        </button>
        <button type="button" className="button room-slips-button" onClick={() => setSlips(true)} disabled={status.seats.length === 0}>
          Join slips
        </button>
        {/* Revealing ends the room's private part: nothing to reveal yet, nothing to end. Once revealed, the answers
            can be taken in again (after an Undo, say). */}
        <button type="button" className="button button-primary" onClick={() => void reveal()} disabled={submitted === 0}>
          {status.revealed ? 'Take the revealed answers in again' : `Reveal everyone’s answers (${submitted} of ${live} in)`}
        </button>
        <CloseRoomButton unrevealed={status.unrevealed} />
      </div>
      {showing !== null && <JoinCodeDialog seats={status.seats} at={showing} nameOf={nameOf} onMove={setShowing} onClose={() => setShowing(null)} />}
      {slips && <JoinSlips seats={status.seats} nameOf={nameOf} url={status.url} onClose={() => setSlips(false)} />}
    </>
  );
}

/** What the reveal put in the workshop, in a sentence. */
function revealedWords(taken: { weights: number; votes: number }): string {
  if (taken.weights + taken.votes === 0) return 'Revealed: nobody had sent anything.';
  const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
  const parts = [taken.weights > 0 && `the weights of ${people(taken.weights)}`, taken.votes > 0 && `the votes of ${people(taken.votes)}`].filter(Boolean);
  return `Revealed: ${parts.join(' and ')} are in the workshop now (Undo takes them back).`;
}

/** What a participant has sent so far. */
function sentWords(seat: RoomSeat): string {
  const votes = seat.votes > 0 ? `${seat.votes} ${seat.votes === 1 ? 'vote' : 'votes'}` : null;
  return [seat.weightsSubmitted ? 'Weights' : null, votes].filter(Boolean).join(' · ') || '—';
}

/** Closes the room; with answers not revealed yet, it asks first, since closing discards them. */
function CloseRoomButton({ unrevealed }: { unrevealed: number }) {
  const { closeRoom } = useAppPick('closeRoom');
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button" onClick={() => (unrevealed > 0 ? setAsking(true) : void closeRoom())}>
        Close the room
      </button>
    );
  }
  return (
    <div className="callout callout-warning" role="alert">
      <p>
        {unrevealed === 1 ? 'One person has' : `${unrevealed} people have`} sent answers that have not been revealed. Closing the room discards them; reveal first to keep them.
      </p>
      <div className="room-actions">
        <button type="button" className="button" onClick={() => setAsking(false)}>
          Keep the room open
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            setAsking(false);
            void closeRoom();
          }}
        >
          Discard and close
        </button>
      </div>
    </div>
  );
}

const STATE_WORDS: Record<RoomSeat['state'], string> = {
  invited: 'Not joined yet',
  pending: 'Joined: waiting for you to admit',
  admitted: 'Admitted',
  revoked: 'Link revoked',
};

function SeatRow({ seat, name, onShow }: { seat: RoomSeat; name: string; onShow: () => void }) {
  const { admitToRoom, revokeRoomLink, reissueRoomLink } = useAppPick('admitToRoom', 'revokeRoomLink', 'reissueRoomLink');
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        {STATE_WORDS[seat.state]}
        {seat.device && seat.state !== 'revoked' ? <span className="muted small"> · {seat.device}</span> : null}
        {seat.otherDeviceTried && seat.state !== 'revoked' ? <span className="seat-warning"> · another device tried this link: revoke it if that was not {name}</span> : null}
      </td>
      <td>{sentWords(seat)}</td>
      <td>
        <div className="seat-actions">
          {seat.state === 'pending' && (
            <button type="button" className="button button-small button-primary" onClick={() => void admitToRoom(seat.participantId)} aria-label={`Admit ${name}`}>
              Admit
            </button>
          )}
          {seat.state === 'revoked' ? (
            <button type="button" className="button button-small" onClick={() => void reissueRoomLink(seat.participantId)} aria-label={`New link for ${name}`}>
              New link
            </button>
          ) : (
            <>
              <button type="button" className="button button-small button-ghost" onClick={onShow} aria-label={`Show ${name}’s join code`}>
                Code
              </button>
              <button type="button" className="button button-small button-ghost" onClick={() => void revokeRoomLink(seat.participantId)} aria-label={`Revoke ${name}’s link`}>
                Revoke
              </button>
            </>
          )}
        </div>
      </td>
    </tr>
  );
}
