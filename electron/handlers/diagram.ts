import { fail, ok, type ApiResult, type DiagramExportInput, type ExportedFile } from '../../shared/contract';
import { packFingerprint } from '../../shared/engine';
import { evaluateWorkshop, exportFileName, workshopStackLayout } from '../../shared/workshop';
import { exportDiagram } from '../export';
import type { HandlerDeps } from './deps';
import { readWorkshop } from './workshop-pack';

/** The workshop's stack diagram as a file in the chosen format, drawn from the saved state (never from a screen). */
export function exportWorkshopDiagram(deps: HandlerDeps, input: DiagramExportInput): ApiResult<ExportedFile> {
  const read = readWorkshop(deps, input.id);
  if (!read.ok) return read.result;
  const { workshop, state, pack } = read;
  const { evaluation } = evaluateWorkshop(pack, state);
  const layout = workshopStackLayout(workshop, state, evaluation, packFingerprint(pack.pack));
  const file = exportDiagram(layout, input.format, { scale: input.scale ?? 2, background: input.background ?? 'white' });
  if (!file.ok) return fail('invalid-input', file.message);
  const binary = typeof file.value.data !== 'string';
  return ok({
    fileName: exportFileName(workshop.title, 'stack', file.value.extension),
    mimeType: file.value.mimeType,
    encoding: binary ? 'base64' : 'utf8',
    content: binary ? Buffer.from(file.value.data as Uint8Array).toString('base64') : (file.value.data as string),
  });
}
