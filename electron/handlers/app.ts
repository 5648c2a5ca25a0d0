import { ok, type ApiResult, type AppInfo } from '../../shared/contract';
import type { HandlerDeps } from './deps';

export function appInfo(deps: HandlerDeps): ApiResult<AppInfo> {
  return ok({
    name: deps.app.name,
    version: deps.app.version,
    transport: deps.app.transport,
    dataFile: deps.dataFile,
    schemaVersion: deps.schemaVersion,
    platform: deps.app.platform,
  });
}
