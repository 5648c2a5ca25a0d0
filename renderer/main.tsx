import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { pickTransport } from './api';
import { StoreProvider } from './stores/context';
import { createAppStore } from './stores/store';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const transport = pickTransport();

if ('error' in transport) {
  root.render(
    <main className="fatal">
      <h1>Stratum</h1>
      <p>{transport.error}</p>
    </main>,
  );
} else {
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
