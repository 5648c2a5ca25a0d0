import { fail, ok, type ApiResult, type DiagramExportInput, type ExportedFile } from '../../shared/contract';
import { defaultPack } from '../../shared/engine';
import { evaluateWorkshop, exportFileName, workshopStackLayout } from '../../shared/workshop';
import { exportDiagram } from '../export';
import type { HandlerDeps } from './deps';

/** The workshop's stack diagram as a file in the chosen format, drawn from the saved state (never from a screen). */
export function exportWorkshopDiagram(deps: HandlerDeps, input: DiagramExportInput): ApiResult<ExportedFile> {
  const workshop = deps.workshops.get(input.id);
  if (!workshop) return fail('not-found', `There is no workshop with id ${input.id}.`);
  const read = deps.workshopStates.get(input.id, workshop.createdAt);
  if (read.kind !== 'read') return fail('storage', read.message);
  const state = read.saved.state;
  const { evaluation } = evaluateWorkshop(defaultPack(), state);
  const layout = workshopStackLayout(workshop, state, evaluation);
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
