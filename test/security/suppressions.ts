import type { Suppression } from './scan';

/**
 * Electronegativity findings reviewed and accepted, each with the reason. A finding not listed here
 * fails `npm test`; so does an entry that no longer matches a finding (delete it). SECURITY.md links here.
 */
export const SUPPRESSIONS: readonly Suppression[] = [
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'out/renderer/index.html',
    sample: "script-src 'self'",
    justification:
      "The policy is flagged only for 'self' in script-src, which csp-evaluator marks as possibly weak when the origin " +
      'also hosts JSONP endpoints, Angular templates or files people upload. app://stratum serves nothing but the built ' +
      'renderer folder (protocol.ts through resolveStaticPath in static-files.ts refuses any path outside it; in an ' +
      'installed app that folder is inside the integrity-checked asar); it has no JSONP, no Angular, and never serves a ' +
      'person’s files (imports are read as text, exports are downloads). There is no inline script and no eval; ' +
      "object-src, base-uri and form-action are 'none' here, and frame-ancestors 'none' comes with every app:// " +
      'response as a header (a meta tag cannot carry it).',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/main/index.ts',
    sample: 'if (isAllowedExternalUrl(url',
    justification:
      'shell.openExternal runs only for a URL equal to one of the two https pages in EXTERNAL_URL_ALLOWLIST ' +
      '(electron/main/security.ts, compared after URL parsing; test/unit/electron/main/security.test.ts tries http:, ' +
      'file:, javascript:, smb:, other and look-alike hosts, paths climbing out, a query and credentials). A page can ' +
      'never choose what the OS opens.',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'out/main/index.cjs',
    sample: 'if (isAllowedExternalUrl(url',
    justification: 'The same call as in electron/main/index.ts, as esbuild bundles it.',
  },
  {
    check: 'PRELOAD_JS_CHECK',
    file: 'electron/main/windows.ts',
    sample: 'preload: preloadPath,',
    justification:
      'Reviewed: the preload (electron/preload/) exposes through contextBridge one function per contract channel, ' +
      'each forwarding to ipcRenderer.invoke with a fixed channel name, and a menu subscription that passes on only ' +
      'known command names and a UUID. It exposes no ipcRenderer, no Node API and no generic send; every payload is ' +
      'checked with zod in the main process, and calls from any frame not showing app://stratum are refused ' +
      '(isTrustedSenderUrl). test/unit/electron/preload/bridge.test.ts and contract-coverage.test.ts check it.',
  },
];
