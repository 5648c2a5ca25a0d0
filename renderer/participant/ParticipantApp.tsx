import { useCallback, useEffect, useState } from 'react';
import { ROOM_API_PREFIX } from '../../shared/contract/channel-names';
import type { ParticipantView } from '../../shared/contract/room';

/** How often a device waiting to be admitted (or waiting for the reveal) asks again. */
const WAIT_POLL_MS = 3000;

/** The header the device's secret goes in (electron/room/room-server.ts DEVICE_KEY_HEADER). */
const DEVICE_KEY_HEADER = 'X-Stratum-Device';

interface RoomReply {
  ok: boolean;
  value?: ParticipantView & { deviceKey?: string };
  error?: { code: string; message: string };
}

type Outcome = { ok: true; view: ParticipantView } | { ok: false; message: string; code: string };
type Call = (channel: string, body: unknown) => Promise<Outcome>;

/**
 * The participant's channels on the room's address, with the token from their link and, once this device has
 * joined, the device's own secret (kept for this tab, so a reload stays the same device).
 */
export function roomCaller(token: string, storage: Pick<Storage, 'getItem' | 'setItem'> = sessionStorage): Call {
  const keyName = `stratum.device.${token}`;
  // One join at a time: a second sent before the first's answer (a slow network, a retry) would go without the
  // device key the first is bringing back, and the room would take it for another device.
  let joining: Promise<Outcome> | null = null;
  const send = sender(token, keyName, storage);
  return (channel, body) => {
    if (channel !== 'participant.join') return send(channel, body);
    joining ??= send(channel, body).finally(() => {
      joining = null;
    });
    return joining;
  };
}

function sender(token: string, keyName: string, storage: Pick<Storage, 'getItem' | 'setItem'>): Call {
  return async (channel, body) => {
    const key = storage.getItem(keyName);
    let res: Response;
    try {
      res = await fetch(`${ROOM_API_PREFIX}${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...(key ? { [DEVICE_KEY_HEADER]: key } : {}) },
        body: JSON.stringify(body),
      });
    } catch {
      return { ok: false, code: 'offline', message: 'This device cannot reach the room: it may have closed, or this device is not on the room’s network (the same Wi-Fi as the facilitator).' };
    }
    let reply: RoomReply | null = null;
    try {
      reply = (await res.json()) as RoomReply;
    } catch {
      // not JSON: said below
    }
    if (reply?.ok && reply.value) {
      const { deviceKey, ...view } = reply.value;
      if (deviceKey) storage.setItem(keyName, deviceKey);
      return { ok: true, view };
    }
    const code = res.status === 403 ? 'link-refused' : res.status === 429 ? 'wait' : (reply?.error?.code ?? 'internal');
    return { ok: false, code, message: reply?.error?.message ?? `The room answered ${res.status}.` };
  };
}

/** Refusals after which there is nothing to wait for: the link is dead, taken by another device, or no longer this person's. */
const FINAL = new Set(['link-refused', 'forbidden', 'not-found']);

/** A participant's own page, on their phone: their weights and votes, nothing of anyone else's until revealed. */
export function ParticipantApp({ token }: { token: string }) {
  const [call] = useState(() => roomCaller(token));
  const [view, setView] = useState<ParticipantView | null>(null);
  const [problem, setProblem] = useState<{ message: string; final: boolean } | null>(null);

  // What the page asks by itself (joining, then how things stand): its failures are the page's problem.
  const settle = useCallback((r: Outcome) => {
    if (r.ok) {
      setView(r.view);
      setProblem(null);
    } else setProblem({ message: r.message, final: FINAL.has(r.code) });
  }, []);
  // What the person sends: a refusal is said beside the form and the page carries on.
  const run = useCallback(
    async (channel: string, body: unknown = {}): Promise<string | null> => {
      const r = await call(channel, body);
      if (!r.ok) return r.message;
      setView(r.view);
      return null;
    },
    [call],
  );

  // Until it has joined the page keeps trying to; then, waiting to be admitted or for the reveal, it asks how things stand.
  const waiting = view === null || !view.revealed;
  const final = problem?.final ?? false;
  const joined = view !== null;
  useEffect(() => {
    if (!waiting || final) return;
    let live = true;
    const ask = () => {
      const request = joined ? call('participant.view', {}) : call('participant.join', { device: deviceLabel(navigator.userAgent) });
      void request.then((r) => live && settle(r));
    };
    if (!joined) ask();
    const id = setInterval(ask, WAIT_POLL_MS);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [waiting, final, joined, call, settle]);

  return (
    <main className="participant-page" aria-labelledby="participant-title">
      <header className="participant-head">
        <p className="brand-small">Stratum{view ? ` · ${view.workshopTitle}` : ''}</p>
        <h1 id="participant-title">{view && !final ? `Hello, ${view.participantName}` : final ? 'Not in the room' : 'Joining the room…'}</h1>
      </header>
      {problem && (
        <div className="callout callout-error" role="alert">
          <p>{problem.message}</p>
        </div>
      )}
      {view && !final && <ParticipantBody view={view} run={run} />}
    </main>
  );
}

function ParticipantBody({ view, run }: { view: ParticipantView; run: (channel: string, body?: unknown) => Promise<string | null> }) {
  if (view.revealed) {
    return (
      <p className="callout callout-info" role="status">
        The facilitator has revealed everyone’s answers: the results are on the room’s screen. Thank you.
      </p>
    );
  }
  if (view.state === 'pending') {
    return (
      <p className="callout callout-info" role="status">
        Waiting for the facilitator to let this device in. Keep this page open: it carries on by itself.
      </p>
    );
  }
  return (
    <>
      <WeightsForm view={view} run={run} />
      <section className="participant-votes" aria-labelledby="votes-title">
        <h2 id="votes-title">Your vote</h2>
        <p className="muted">What you would choose for each decision, and why if you like. Only you see it until the facilitator reveals everyone’s.</p>
        {view.decisions.map((d) => (
          <VoteForm key={d.id} decision={d} sent={view.votes.find((v) => v.decision === d.id) ?? null} run={run} />
        ))}
      </section>
    </>
  );
}

function VoteForm({ decision, sent, run }: { decision: ParticipantView['decisions'][number]; sent: ParticipantView['votes'][number] | null; run: (channel: string, body?: unknown) => Promise<string | null> }) {
  const [option, setOption] = useState(sent?.option ?? '');
  const [reason, setReason] = useState(sent?.reason ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const same = sent !== null && sent.option === option && sent.reason === reason.trim();
  return (
    <form
      className="participant-vote"
      aria-label={`Your vote on ${decision.title}`}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(await run('participant.vote', { decision: decision.id, option, reason }));
        setBusy(false);
      }}
    >
      <fieldset>
        <legend>{decision.title}</legend>
        {decision.options.map((o) => (
          <label key={o.id} className="participant-option">
            <input type="radio" name={`vote-${decision.id}`} value={o.id} checked={option === o.id} onChange={() => setOption(o.id)} />
            {o.label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`reason-${decision.id}`} className="field-label">
        Why (optional)
      </label>
      <textarea id={`reason-${decision.id}`} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="button" disabled={busy || option === '' || same}>
        {same ? 'Vote sent' : sent ? 'Send my new vote' : 'Send my vote'}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function WeightsForm({ view, run }: { view: ParticipantView; run: (channel: string, body?: unknown) => Promise<string | null> }) {
  const [weights, setWeights] = useState<Record<string, number>>(view.weights);
  const [sent, setSent] = useState(view.weightsSubmitted);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="participant-weights"
      aria-labelledby="weights-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const refused = await run('participant.submitWeights', { weights });
        setError(refused);
        if (!refused) setSent(true);
        setBusy(false);
      }}
    >
      <h2 id="weights-title">Your priorities</h2>
      <p className="muted">How much each matters to you, from 0 (not at all) to 5 (above all). Only you see these until the facilitator reveals everyone’s at once.</p>
      {view.criteria.map((c) => (
        <div key={c.id} className="participant-weight">
          <label htmlFor={`w-${c.id}`} className="field-label">
            {c.label} <output htmlFor={`w-${c.id}`}>{weights[c.id] ?? c.defaultWeight}</output>
          </label>
          <p id={`w-${c.id}-hint`} className="field-hint">
            {c.description}
          </p>
          <input
            id={`w-${c.id}`}
            type="range"
            min={0}
            max={5}
            step={0.5}
            value={weights[c.id] ?? c.defaultWeight}
            aria-describedby={`w-${c.id}-hint`}
            aria-valuetext={`${weights[c.id] ?? c.defaultWeight} of 5`}
            onChange={(e) => {
              setWeights({ ...weights, [c.id]: Number(e.target.value) });
              setSent(false);
            }}
          />
        </div>
      ))}
      <button type="submit" className="button button-primary participant-send" disabled={busy}>
        {sent ? 'Sent: send again' : 'Send my weights'}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {sent && (
        <p className="muted small" role="status">
          Sent. You can change them and send again until the facilitator reveals everyone’s.
        </p>
      )}
    </form>
  );
}

/** A short name for the device, from its browser's user agent, to tell devices apart before admitting one. */
export function deviceLabel(userAgent: string): string {
  const os = /iPhone|iPad|Android|Windows|Mac OS X|Linux/.exec(userAgent)?.[0]?.replace('Mac OS X', 'Mac') ?? 'A device';
  const browser = /Edg|Firefox|Chrome|Safari/.exec(userAgent)?.[0]?.replace('Edg', 'Edge') ?? 'a browser';
  return `${os} · ${browser}`;
}

/** The room's address opened without a join link (typed from a slip, say): where to go instead. */
export function NoJoinLink() {
  return (
    <main className="participant-page" aria-labelledby="participant-title">
      <header className="participant-head">
        <p className="brand-small">Stratum</p>
        <h1 id="participant-title">Open your own join link</h1>
      </header>
      <p>This is the workshop room’s address. To take part, scan the code the facilitator gave you, or type the whole link under it: it is yours alone.</p>
    </main>
  );
}
