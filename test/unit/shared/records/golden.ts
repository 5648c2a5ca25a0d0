import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenFiles } from '../../support/golden';

/** The records' golden files (MADR, adr-tools, HTML, CSV, workshop files). */
export const { dir: GOLDEN_DIR, expectGolden } = goldenFiles(join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/records'), 'test/unit/shared/records');
