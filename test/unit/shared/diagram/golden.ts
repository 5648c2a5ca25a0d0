import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenFiles } from '../../support/golden';

/** The diagram's golden files (layouts, SVG, draw.io, Mermaid). */
export const { dir: GOLDEN_DIR, expectGolden } = goldenFiles(join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/diagram'), 'test/unit/shared/diagram test/unit/electron/export');
