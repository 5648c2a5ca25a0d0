import { contextBridge, ipcRenderer } from 'electron';
import { MENU_EVENT_CHANNEL } from '../../shared/contract/channel-names';
import { buildBridge } from './bridge';

contextBridge.exposeInMainWorld('stratum', buildBridge(ipcRenderer, MENU_EVENT_CHANNEL));
