import type { ImportOutcome, MenuCommand } from '../shared/contract';
import { importNotice } from './import-notice';
import type { Route } from './stores/route';
import type { DialogKind } from './stores/ui-slice';

/** What the page does for a command from the main process (native menu, a workshop file opened with the app). */
export interface MenuEffect {
  navigate?: Route;
  dialog?: Exclude<DialogKind, null>;
  /** Reload the workshop list (a workshop was just imported). */
  reloadList?: boolean;
  /** Tell the person how the file was opened (it was already here, a copy was made). */
  notice?: string;
}

export function menuCommandEffect(command: MenuCommand, workshopId?: string, opened?: ImportOutcome, packNote?: string): MenuEffect {
  switch (command) {
    case 'about':
      return { dialog: 'about' };
    case 'new-workshop':
      return { navigate: { name: 'home' }, dialog: 'create-workshop' };
    case 'open-workshop': {
      // The main process imported a workshop file (File > Open, a double-click): show it, and say how it came in.
      const notice = [opened ? importNotice(opened) : null, packNote].filter(Boolean).join(' ');
      return {
        navigate: workshopId ? { name: 'workshop', id: workshopId, step: 'setup' } : { name: 'home' },
        reloadList: true,
        ...(notice ? { notice } : {}),
      };
    }
  }
}
