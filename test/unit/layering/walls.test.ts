// The walls ESLint holds between and inside the processes: a deliberate breach in each zone is refused.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import walls', () => {
  it.each([
    ['shared/domain/breach.ts', "import { x } from '../engine';", /floor/],
    ['shared/domain/breach.ts', "import { x } from '../contract';", /floor/],
    ['shared/engine/breach.ts', "import { x } from '../contract';", /below the contract/],
    ['shared/records/breach.ts', "import { x } from '../contract/workshop';", /below the contract/],
    ['shared/cost/breach.ts', "import { x } from 'node:fs';", /runs anywhere/],
    ['shared/workshop/breach.ts', "import { x } from '../../electron/storage';", /runs anywhere/],
    ['shared/workshop/breach.ts', "import { x } from '../contract/milestone';", /below the contract/],
    ['shared/util/breach.ts', "import { x } from '../engine';", /knows nothing of the domain/],
    ['shared/util/breach.ts', "import { x } from 'node:crypto';", /knows nothing of the domain/],
    ['renderer/breach.ts', "import { x } from '../electron/storage';", /browser APIs only/],
    ['renderer/features/records/breach.tsx', "import { x } from '../../api/download';", /through the store/],
    ['renderer/components/breach.tsx', "import { x } from '../api';", /through the store/],
    ['renderer/features/home/breach.tsx', "import { x } from '../../../electron/storage';", /browser APIs only/],
    ['electron/breach.ts', "import { x } from '../renderer/App';", /never imports the renderer/],
    ['electron/host/breach.ts', "import { x } from '../main/security';", /plain Node/],
    ['electron/cli/breach.ts', "import { app } from 'electron';", /plain Node/],
    ['electron/handlers/breach.ts', "import { x } from '../main/ipc';", /plain Node/],
    ['electron/serve/breach.ts', "import { x } from '../../renderer/App';", /plain Node/],
    ['electron/storage/breach.ts', "import { x } from '../handlers';", /stays below the handlers/],
    ['electron/storage/breach.ts', "import { x } from '../export/pdf';", /stays below the handlers/],
    ['electron/preload/breach.ts', "import { x } from '../../shared/engine';", /only electron, its own files and the contract/],
    ['electron/preload/breach.ts', "import { x } from 'node:fs';", /only electron, its own files and the contract/],
    ['electron/preload/breach.ts', "import { x } from '../handlers';", /only electron, its own files and the contract/],
    ['electron/preload/breach.ts', "import { x } from './../handlers';", /only electron, its own files and the contract/],
    ['electron/preload/breach.ts', "import { x } from '../../shared/contract/../engine';", /only electron, its own files and the contract/],
    ['electron/host/breach.ts', "import { x } from '../preload/bridge';", /plain Node/],
    ['electron/room/breach.ts', "import { app } from 'electron';", /plain Node/],
    ['electron/storage/breach.ts', "import { x } from '../room/room';", /stays below the handlers/],
    ['shared/engine/roadmap/breach.ts', "import { x } from '../../contract';", /below the contract/],
    ['renderer/features/records/breach.tsx', "import { x } from '../../stores/../api/download';", /through the store/],
    ['renderer/features/records/breach.tsx', "import { x } from '../../../renderer/api';", /through the store/],
  ])('%s refuses %s', async (file, source, message) => {
    const found = await restrictedImports(file, source);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it.each([
    ['shared/domain/fine.ts', "import { x } from './id';"],
    ['shared/engine/fine.ts', "import { x } from '../domain';"],
    ['shared/records/fine.ts', "import { x } from '../engine';"],
    ['shared/util/fine.ts', "import { x } from './prng';"],
    ['shared/cost/fine.ts', "import { x } from '../util';"],
    ['electron/host/fine.ts', "import { x } from '../serve/csp';"],
    ['electron/room/fine.ts', "import { x } from '../serve/http';"],
    ['electron/main/fine.ts', "import { app } from 'electron';"],
    ['electron/handlers/fine.ts', "import { x } from '../storage';"],
    ['electron/preload/fine.ts', "import { x } from '../../shared/contract/channel-names';"],
    ['electron/preload/fine.ts', "import { contextBridge } from 'electron';"],
    ['renderer/stores/fine.ts', "import { x } from '../api/download';"],
    ['renderer/features/records/fine.tsx', "import { x } from '../../../shared/contract/api';"],
  ])('%s allows %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toEqual([]);
  });
});
