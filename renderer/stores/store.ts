import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ExportedFile, StratumApi } from '../../shared/contract';
import { saveExportedFile } from '../api/download';
import { createEditorSlice, type EditorSlice } from './editor-slice';
import { createExportsSlice, type ExportsSlice } from './exports-slice';
import { createPacksSlice, type PacksSlice } from './packs-slice';
import { createRecordsSlice, type RecordsSlice } from './records-slice';
import { createRoomSlice, type RoomSlice } from './room-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createWorkshopsSlice, type WorkshopsSlice } from './workshops-slice';

export type AppState = WorkshopsSlice & EditorSlice & SessionSlice & UiSlice & PacksSlice & RecordsSlice & ExportsSlice & RoomSlice;

/** How a slice's parts outside its creator set the store's state. */
export type SetAppState = StoreApi<AppState>['setState'];

/** What the store needs from outside: the API, timers and the address bar, injectable for tests. */
export interface StoreDeps {
  api: StratumApi;
  timers: {
    setTimeout: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>;
    clearTimeout: (id: ReturnType<typeof setTimeout>) => void;
    now: () => number;
  };
  location: { getHash: () => string; setHash: (hash: string) => void };
  /** Hands a file an export produced to the person: in the page, a download. */
  saveFile: (file: ExportedFile) => void;
}

/** The app's one store, built from slices (zustand's slices pattern). */
export function createAppStore(given: Omit<StoreDeps, 'saveFile'> & Partial<Pick<StoreDeps, 'saveFile'>>): StoreApi<AppState> {
  const deps: StoreDeps = { saveFile: saveExportedFile, ...given };
  return createStore<AppState>()((...a) => ({
    ...createWorkshopsSlice(deps)(...a),
    ...createEditorSlice(deps)(...a),
    ...createSessionSlice(deps)(...a),
    ...createUiSlice(deps)(...a),
    ...createPacksSlice(deps)(...a),
    ...createRecordsSlice(deps)(...a),
    ...createExportsSlice(deps)(...a),
    ...createRoomSlice(deps)(...a),
  }));
}
