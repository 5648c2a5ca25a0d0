import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StratumApi } from '../../shared/contract';
import { createEditorSlice, type EditorSlice } from './editor-slice';
import { createPacksSlice, type PacksSlice } from './packs-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createWorkshopsSlice, type WorkshopsSlice } from './workshops-slice';

export type AppState = WorkshopsSlice & EditorSlice & SessionSlice & UiSlice & PacksSlice;

/** What the store needs from outside: the API, timers and the address bar, injectable for tests. */
export interface StoreDeps {
  api: StratumApi;
  timers: {
    setTimeout: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>;
    clearTimeout: (id: ReturnType<typeof setTimeout>) => void;
    now: () => number;
  };
  location: { getHash: () => string; setHash: (hash: string) => void };
}

/** The app's one store, built from slices (zustand's slices pattern). */
export function createAppStore(deps: StoreDeps): StoreApi<AppState> {
  return createStore<AppState>()((...a) => ({
    ...createWorkshopsSlice(deps)(...a),
    ...createEditorSlice(deps)(...a),
    ...createSessionSlice(deps)(...a),
    ...createUiSlice(deps)(...a),
    ...createPacksSlice(deps)(...a),
  }));
}
