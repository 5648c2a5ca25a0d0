import { lazy, Suspense, useEffect } from 'react';
import type { MenuListener } from '../shared/contract';
import { menuCommandEffect } from './menu-commands';
import { NoticeBar } from './components/NoticeBar';
import { AboutDialog } from './features/home/AboutDialog';
import { CreateWorkshopDialog } from './features/home/CreateWorkshopDialog';
import { HomeScreen } from './features/home/HomeScreen';
import { useAppStore } from './stores/context';

/** The workshop's steps load apart from the list, which needs none of their code; once the list is shown they load while idle. */
const loadWorkshopPage = () => import('./features/workshop/WorkshopPage');
const WorkshopPage = lazy(() => loadWorkshopPage().then((m) => ({ default: m.WorkshopPage })));

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
    // Fetch the workshop's code once the first screen is up, so opening a workshop does not wait for it.
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 200));
    idle(() => void loadWorkshopPage());
  }, []);

  useEffect(() => {
    const onHash = () => syncRoute(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [syncRoute]);

  const unloadSession = useAppStore((s) => s.unloadSession);
  useEffect(() => {
    if (route.name === 'home') {
      void closeWorkshop();
      void unloadSession();
    }
  }, [route.name, closeWorkshop, unloadSession]);

  useEffect(
    () =>
      onMenuCommand((command, workshopId, opened) => {
        const effect = menuCommandEffect(command, workshopId, opened);
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
            <button type="button" className="button button-ghost button-small" onClick={() => openDialog('about')}>
              About
            </button>
          </div>
        </header>
      )}
      {route.name === 'home' ? (
        <HomeScreen />
      ) : (
        <Suspense fallback={<main className="workshop-loading" aria-busy="true" />}>
          <WorkshopPage id={route.id} step={route.step} decision={route.decision} />
        </Suspense>
      )}
      <CreateWorkshopDialog />
      <AboutDialog />
      <NoticeBar />
    </div>
  );
}
