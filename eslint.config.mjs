import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The walls between processes (DESIGN.md): shared/ imports neither electron/ nor renderer/,
// renderer/ imports no electron/, electron/ imports no renderer/.
const wall = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  // test/fixtures/security holds a deliberately insecure Electron app for the Electronegativity test.
  { ignores: ['out/**', 'dist/**', '.tsbuild/**', 'node_modules/**', 'test-results/**', 'test/fixtures/security/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: wall(
      ['**/electron/**', '**/renderer/**', 'electron', 'node:*', 'fs', 'path', 'os', 'child_process', 'react', 'react-dom'],
      'shared/ runs anywhere: no Electron, Node, DOM or React imports.',
    ),
  },
  {
    // The domain model is the floor of shared/: it imports nothing else of Stratum's.
    files: ['shared/domain/**/*.ts'],
    rules: wall(
      ['../*', '**/electron/**', '**/renderer/**', 'electron', 'node:*', 'fs', 'path', 'os', 'child_process', 'react', 'react-dom'],
      'shared/domain is the floor: it imports only zod and its own files.',
    ),
  },
  {
    // General helpers (hashing, canonical JSON, a seeded random source, JSON paths, did-you-mean) know nothing of the domain.
    files: ['shared/util/**/*.ts'],
    rules: wall(
      ['../*', '**/electron/**', '**/renderer/**', 'electron', 'node:*', 'fs', 'path', 'os', 'child_process', 'react', 'react-dom', 'zod'],
      'shared/util knows nothing of the domain: it imports only its own files.',
    ),
  },
  {
    // What decides, lays out, prices, compares and writes records sits below the contract, which assembles payloads from them.
    files: ['shared/{engine,cost,diagram,records,workshop}/**/*.ts'],
    rules: wall(
      ['../contract', '../contract/*', '**/contract', '**/contract/*', '**/electron/**', '**/renderer/**', 'electron', 'node:*', 'fs', 'path', 'os', 'child_process', 'react', 'react-dom'],
      'shared/ runs anywhere, and engine, cost, diagram, records and workshop sit below the contract: import the domain model from shared/domain.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: wall(['**/electron/**', 'electron', 'node:*', 'better-sqlite3'], 'renderer/ uses browser APIs only; reach the main process through renderer/api.'),
  },
  {
    files: ['electron/**/*.ts'],
    rules: wall(['**/renderer/**'], 'electron/ never imports the renderer.'),
  },
  {
    // Plain Node: the browser-mode host, the command line and all they share run without Electron; only
    // electron/main (and the preload) may import it.
    files: ['electron/{host,cli,handlers,storage,export,serve,room}/**/*.ts'],
    rules: wall(
      ['electron', '../main', '../main/*', '**/main', '**/main/*', '../preload', '../preload/*', '**/renderer/**'],
      'electron/host, cli, handlers, storage, export, serve and room run in plain Node: no Electron, nothing of electron/main, never the renderer.',
    ),
  },
  {
    // Storage is the floor of the main side: handlers, the host, the command line and exports call it, never the reverse.
    files: ['electron/storage/**/*.ts'],
    rules: wall(
      ['electron', '../main', '../main/*', '../handlers', '../handlers/*', '../host', '../host/*', '../cli', '../cli/*', '../export', '../export/*', '../serve', '../serve/*', '../room', '../room/*', '**/renderer/**'],
      'electron/storage stays below the handlers: it imports only shared/ and its own files.',
    ),
  },
  {
    // The preload runs in the page's sandbox with Electron's renderer APIs: it builds window.stratum from the contract's names.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!(electron|\\./(?!.*\\.\\.).+|\\.\\./\\.\\./shared/contract/(?!.*\\.\\.).+)$)', message: 'The preload imports only electron, its own files and the contract\'s name files (shared/contract/…).' }] },
      ],
    },
  },
  {
    // The page's views reach the main process through the store: its slices call the API, components never do.
    files: ['renderer/{features,components}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', 'electron', 'node:*', 'better-sqlite3'], message: 'renderer/ uses browser APIs only; reach the main process through renderer/api.' },
            { regex: '^(\\.\\./)+api(/.*)?$|(^|/)renderer/api(/.*)?$|/\\.\\./api(/.*)?$', message: 'Views reach the API through the store (renderer/stores): a slice calls it, a component never does.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.{ts,mjs}', '*.config.{ts,mjs}', 'bin/**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['bin/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
