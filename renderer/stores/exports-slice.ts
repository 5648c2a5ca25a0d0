import type { StateCreator } from 'zustand';
import type { DiagramExportInput, RecordsExport, RecordsExportFormat } from '../../shared/contract';
import type { AppState, StoreDeps } from './store';

export interface ExportsSlice {
  /**
   * Exports the open workshop's records as they are saved (pending edits first): into the team's folder (MADR,
   * adr-tools), or one file the person saves (the rest). The folder's outcome, null for a file (it is saved and
   * announced); the reason when it cannot.
   */
  exportRecords: (format: RecordsExportFormat, folder: string) => Promise<{ ok: true; outcome: RecordsExport | null } | { ok: false; message: string }>;
  /** Exports the open workshop's stack diagram as it is saved, saves the file and says so, or says why not. */
  exportDiagram: (options: Omit<DiagramExportInput, 'id'>) => Promise<void>;
}

export function createExportsSlice(deps: StoreDeps): StateCreator<AppState, [], [], ExportsSlice> {
  return (_set, get) => ({
    exportRecords: async (format, folder) => {
      const workshopId = get().current?.id;
      if (!workshopId) return { ok: false, message: 'No workshop is open.' };
      await get().flushSave();
      await get().flushSession();
      if (format === 'pdf') {
        const pdf = await deps.api['records.pdf']({ id: workshopId });
        if (!pdf.ok) return { ok: false, message: pdf.error.message };
        deps.saveFile(pdf.value);
        get().showNotice({ message: `Exported ${pdf.value.fileName}.`, tone: 'info' });
        return { ok: true, outcome: null };
      }
      const r = await deps.api['records.export']({ id: workshopId, format, ...(format === 'madr' || format === 'nygard' ? { folder } : {}) });
      if (!r.ok) return { ok: false, message: r.error.issues?.[0] ? `Folder ${r.error.issues[0].message}.` : r.error.message };
      if (r.value.kind === 'file') {
        deps.saveFile(r.value.file);
        get().showNotice({ message: `Exported ${r.value.file.fileName}.`, tone: 'info' });
      }
      return { ok: true, outcome: r.value };
    },

    exportDiagram: async (options) => {
      const workshopId = get().current?.id;
      if (!workshopId) return;
      // The export is drawn from what is saved: save pending edits first.
      await get().flushSession();
      const result = await deps.api['diagram.export']({ id: workshopId, ...options });
      if (!result.ok) return get().showNotice({ message: result.error.message, tone: 'error' });
      deps.saveFile(result.value);
      get().showNotice({ message: `Exported ${result.value.fileName}.`, tone: 'info' });
    },
  });
}
