import { useCallback, useEffect, useState } from 'react';
import { ROOM_API_PREFIX } from '../../shared/contract/channel-names';
import type { ParticipantView } from '../../shared/contract/room';

/** How often a device waiting to be admitted (or waiting for the reveal) asks again. */
const WAIT_POLL_MS = 3000;

interface RoomReply {
  ok: boolean;
  value?: ParticipantView;
  error?: { message: string };
}

type Call = (channel: string, body: unknown) => Promise<{ ok: true; view: ParticipantView } | { ok: false; message: string; gone: boolean }>;

/** The participant's channels on the room's address, with the token from their link. */
export function roomCaller(token: string): Call {
  return async (channel, body) => {
    let res: Response;
    try {
      res = await fetch(`${ROOM_API_PREFIX}${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    } catch {
      return { ok: false, message: 'This device cannot reach the room: check it is on the room’s network (the same Wi-Fi as the facilitator), then reload.', gone: false };
    }
    let reply: RoomReply | null = null;
    try {
      reply = (await res.json()) as RoomReply;
    } catch {
      // not JSON: said below
    }
    if (reply?.ok && reply.value) return { ok: true, view: reply.value };
    return { ok: false, message: reply?.error?.message ?? `The room answered ${res.status}.`, gone: res.status === 403 || res.status === 429 };
  };
}

/** A participant's own page, on their phone: their weights and votes, nothing of anyone else's until revealed. */
export function ParticipantApp({ token }: { token: string }) {
  const [call] = useState(() => roomCaller(token));
  const [view, setView] = useState<ParticipantView | null>(null);
  const [problem, setProblem] = useState<{ message: string; gone: boolean } | null>(null);

  const settle = useCallback((r: Awaited<ReturnType<Call>>) => {
    if (r.ok) {
      setView(r.view);
      setProblem(null);
    } else setProblem({ message: r.message, gone: r.gone });
    return r.ok;
  }, []);
  const run = useCallback(async (channel: string, body: unknown = {}) => settle(await call(channel, body)), [call, settle]);

  // Joining says which device this is; from then on, waiting to be admitted or for the reveal, the page asks again now and then.
  const waiting = view === null || view.state === 'pending' || !view.revealed;
  const gone = problem?.gone ?? false;
  useEffect(() => {
    if (!waiting || gone) return;
    let live = true;
    const ask = (channel: string, body: unknown) => void call(channel, body).then((r) => live && settle(r));
    if (view === null) ask('participant.join', { device: deviceLabel(navigator.userAgent) });
    const id = setInterval(() => ask('participant.view', {}), WAIT_POLL_MS);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [waiting, gone, view === null, call, settle]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <main className="participant-page" aria-labelledby="participant-title">
      <header className="participant-head">
        <p className="brand-small">Stratum{view ? ` · ${view.workshopTitle}` : ''}</p>
        <h1 id="participant-title">{view ? `Hello, ${view.participantName}` : 'Joining the room…'}</h1>
      </header>
      {problem && (
        <div className="callout callout-error" role="alert">
          <p>{problem.message}</p>
        </div>
      )}
      {view && !problem?.gone && <ParticipantBody view={view} run={run} />}
    </main>
  );
}

function ParticipantBody({ view, run }: { view: ParticipantView; run: (channel: string, body?: unknown) => Promise<boolean> }) {
  if (view.state === 'pending') {
    return (
      <p className="callout callout-info" role="status">
        Waiting for the facilitator to let this device in. Keep this page open: it carries on by itself.
      </p>
    );
  }
  if (view.revealed) {
    return (
      <p className="callout callout-info" role="status">
        The facilitator has revealed everyone’s answers: the results are on the room’s screen. Thank you.
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

function VoteForm({ decision, sent, run }: { decision: ParticipantView['decisions'][number]; sent: ParticipantView['votes'][number] | null; run: (channel: string, body?: unknown) => Promise<boolean> }) {
  const [option, setOption] = useState(sent?.option ?? '');
  const [reason, setReason] = useState(sent?.reason ?? '');
  const [busy, setBusy] = useState(false);
  const same = sent !== null && sent.option === option && sent.reason === reason.trim();
  return (
    <form
      className="participant-vote"
      aria-label={`Your vote on ${decision.title}`}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        await run('participant.vote', { decision: decision.id, option, reason });
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
    </form>
  );
}

function WeightsForm({ view, run }: { view: ParticipantView; run: (channel: string, body?: unknown) => Promise<boolean> }) {
  const [weights, setWeights] = useState<Record<string, number>>(view.weights);
  const [sent, setSent] = useState(view.weightsSubmitted);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="participant-weights"
      aria-labelledby="weights-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        if (await run('participant.submitWeights', { weights })) setSent(true);
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
