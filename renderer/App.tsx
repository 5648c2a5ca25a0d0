import { useEffect, useState } from 'react';
import type { MenuListener } from '../shared/contract';
import { codeDidNotLoad } from './code-load-failure';
import { menuCommandEffect } from './menu-commands';
import { NoticeBar } from './components/NoticeBar';
import { AboutDialog } from './features/home/AboutDialog';
import { CreateWorkshopDialog } from './features/home/CreateWorkshopDialog';
import { HomeScreen } from './features/home/HomeScreen';
import { PacksPage } from './features/packs/PacksPage';
import { useAppStore } from './stores/context';
import type { StepId } from './stores/route';
// Types only: the module itself loads apart (below).
import type * as WorkshopPageModule from './features/workshop/WorkshopPage';

/** The workshop's steps load apart from the list, which needs none of their code; once the list is shown they load while idle. */
type WorkshopModule = typeof WorkshopPageModule;
let workshopModule: WorkshopModule | null = null;
const loadWorkshopPage = () => import('./features/workshop/WorkshopPage').then((m) => (workshopModule = m));

/**
 * The workshop page once its code is here: at once when it loaded while idle, else after a short wait. Not
 * React.lazy: a lazy component suspends on its first render even when its code is already loaded, and React then
 * holds the page back up to 300 ms after showing the fallback.
 */
function WorkshopRoute(props: { id: string; step: StepId; decision: string | undefined }) {
  const [loaded, setLoaded] = useState<WorkshopModule | { error: string } | null>(workshopModule);
  useEffect(() => {
    if (loaded) return;
    loadWorkshopPage().then(setLoaded, (e: unknown) => setLoaded({ error: codeDidNotLoad(e) }));
  }, [loaded]);
  if (!loaded) return <main className="workshop-loading" aria-busy="true" />;
  if ('error' in loaded) {
    return (
      <main className="fatal">
        <h1>The workshop could not open</h1>
        <p>{loaded.error}</p>
      </main>
    );
  }
  return <loaded.WorkshopPage {...props} />;
}

interface AppProps {
  transport: 'electron' | 'browser';
  onMenuCommand: (listener: MenuListener) => () => void;
}

export function App({ transport, onMenuCommand }: AppProps) {
  const route = useAppStore((s) => s.route);
  const presenter = useAppStore((s) => s.presenter);
  const syncRoute = useAppStore((s) => s.syncRouteFromLocation);
  const navigate = useAppStore((s) => s.navigate);
  const openDialog = useAppStore((s) => s.openDialog);
  const closeWorkshop = useAppStore((s) => s.closeWorkshop);
  const loadWorkshops = useAppStore((s) => s.loadWorkshops);
  const showNotice = useAppStore((s) => s.showNotice);

  useEffect(() => {
    // Fetch the workshop's code once the first screen is up, then compile the rule pack, each while idle, so
    // opening a workshop waits for neither.
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 200));
    // A failure here is shown when a workshop is opened (WorkshopRoute), not while the list is up.
    idle(() => void loadWorkshopPage().then((m) => idle(() => m.preparePack()), () => undefined));
  }, []);

  useEffect(() => {
    const onHash = () => syncRoute(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [syncRoute]);

  const unloadSession = useAppStore((s) => s.unloadSession);
  useEffect(() => {
    if (route.name !== 'workshop') {
      void closeWorkshop();
      void unloadSession();
    }
  }, [route.name, closeWorkshop, unloadSession]);

  useEffect(
    () =>
      onMenuCommand((command, workshopId, opened, note) => {
        const effect = menuCommandEffect(command, workshopId, opened, note);
        if (effect.reloadList) void loadWorkshops();
        if (effect.navigate) navigate(effect.navigate);
        if (effect.dialog) openDialog(effect.dialog);
        if (effect.notice) showNotice({ message: effect.notice, tone: 'info' });
      }),
    [onMenuCommand, navigate, openDialog, loadWorkshops, showNotice],
  );

  return (
    <div className="app">
      {/* In presenter mode the room sees the step alone: no app bar. */}
      {!(presenter && route.name === 'workshop') && (
        <header className="app-header">
          <a
            className="brand"
            href="#/"
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'home' });
            }}
          >
            <span className="brand-mark" aria-hidden="true" />
            Stratum
          </a>
          <div className="app-header-end">
            {transport === 'browser' && <span className="mode-badge">Browser mode · this computer only</span>}
            <a
              className="button button-ghost button-small"
              href="#/packs"
              aria-current={route.name === 'packs' ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate({ name: 'packs' });
              }}
            >
              Rule packs
            </a>
            <button type="button" className="button button-ghost button-small" onClick={() => openDialog('about')}>
              About
            </button>
          </div>
        </header>
      )}
      {route.name === 'home' ? (
        <HomeScreen />
      ) : route.name === 'packs' ? (
        <PacksPage />
      ) : (
        <WorkshopRoute id={route.id} step={route.step} decision={route.decision} />
      )}
      <CreateWorkshopDialog />
      <AboutDialog />
      <NoticeBar />
    </div>
  );
}
