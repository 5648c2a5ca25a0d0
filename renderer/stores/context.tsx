import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from './store';

const StoreContext = createContext<StoreApi<AppState> | null>(null);

export function StoreProvider({ store, children }: { store: StoreApi<AppState>; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/**
 * The store itself, for reading it when something happens (a key press, a click) rather than on every change:
 * a component that only acts on the store need not re-render with it.
 */
export function useAppStoreApi(): StoreApi<AppState> {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStoreApi outside StoreProvider');
  return store;
}

/** Selects one value from the app store; components pick single fields. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside StoreProvider');
  return useStore(store, selector);
}

/**
 * Several fields of the app store by name, as one object that changes only when one of them does (a shallow
 * comparison), so a component that needs a handful reads them in one line and re-renders no more than before.
 */
export function useAppPick<K extends keyof AppState>(...keys: K[]): Pick<AppState, K> {
  return useAppStore(
    useShallow((state) => {
      const picked = {} as Pick<AppState, K>;
      for (const key of keys) picked[key] = state[key];
      return picked;
    }),
  );
}
