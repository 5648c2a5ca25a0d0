import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { pickTransport } from './api';
import { JOIN_ROUTE_PREFIX } from '../shared/contract/channel-names';
import { StoreProvider } from './stores/context';
import { createAppStore } from './stores/store';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const joinToken = window.location.hash.startsWith(JOIN_ROUTE_PREFIX) ? window.location.hash.slice(JOIN_ROUTE_PREFIX.length) : null;

// The facilitator's own page is only ever served to 127.0.0.1 or localhost (or inside the desktop window): any other
// host is the workshop room's address, opened without a join link.
const roomAddress = !window.stratum && !['127.0.0.1', 'localhost'].includes(window.location.hostname);

if (joinToken === null && roomAddress) {
  void import('./participant/ParticipantApp').then(({ NoJoinLink }) => root.render(<NoJoinLink />));
} else if (joinToken !== null) {
  // A participant's device, from their join link: their own page, which reaches the room's channels only.
  void import('./participant/ParticipantApp').then(({ ParticipantApp }) =>
    root.render(
      <StrictMode>
        <ParticipantApp token={joinToken} />
      </StrictMode>,
    ),
  );
} else {
  renderApp();
}

/** The facilitator's app: the desktop window, or browser mode on this computer. */
function renderApp(): void {
  const transport = pickTransport();
  if ('error' in transport) {
    root.render(
      <main className="fatal">
        <h1>Stratum</h1>
        <p>{transport.error}</p>
      </main>,
    );
    return;
  }
  const store = createAppStore({
    api: transport.api,
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id), now: () => Date.now() },
    location: {
      getHash: () => window.location.hash,
      setHash: (hash) => {
        if (window.location.hash !== hash) window.location.hash = hash;
      },
    },
  });
  // The list's request goes out while React renders the first screen, not after it.
  if (store.getState().route.name === 'home') void store.getState().loadWorkshops();
  root.render(
    <StrictMode>
      <StoreProvider store={store}>
        <App transport={transport.kind} onMenuCommand={transport.onMenuCommand} />
      </StoreProvider>
    </StrictMode>,
  );
}
