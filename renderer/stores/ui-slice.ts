import type { StateCreator } from 'zustand';
import type { AppInfo } from '../../shared/contract';
import { parseRoute, routeToHash, type Route } from './route';
import type { AppState, StoreDeps } from './store';

export type DialogKind = 'create-workshop' | 'about' | null;

export interface Notice {
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

export interface UiSlice {
  route: Route;
  dialog: DialogKind;
  notice: Notice | null;
  /** Presenter mode: large type, no editing chrome, arrow keys move between steps. */
  presenter: boolean;
  setPresenter: (on: boolean) => void;
  navigate: (route: Route) => void;
  syncRouteFromLocation: (hash: string) => void;
  openDialog: (dialog: DialogKind) => void;
  showNotice: (notice: Notice) => void;
  dismissNotice: () => void;
  /** The app's version, transport and data folder (the About dialog), once asked for; or why it could not be read. */
  appInfo: { ok: true; info: AppInfo } | { ok: false; message: string } | null;
  loadAppInfo: () => Promise<void>;
}

export function createUiSlice(deps: StoreDeps): StateCreator<AppState, [], [], UiSlice> {
  return (set, get) => ({
    route: parseRoute(deps.location.getHash()),
    dialog: null,
    notice: null,
    presenter: false,
    appInfo: null,
    setPresenter: (on) => set({ presenter: on }),
    loadAppInfo: async () => {
      const r = await deps.api['app.info']({});
      set({ appInfo: r.ok ? { ok: true, info: r.value } : { ok: false, message: r.error.message } });
    },
    navigate: (route) => {
      deps.location.setHash(routeToHash(route));
      set({ route });
    },
    syncRouteFromLocation: (hash) => {
      const route = parseRoute(hash);
      if (routeToHash(route) !== routeToHash(get().route)) set({ route });
    },
    openDialog: (dialog) => set({ dialog }),
    showNotice: (notice) => set({ notice }),
    dismissNotice: () => set({ notice: null }),
  });
}
