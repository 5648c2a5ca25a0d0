// electron-builder.yml and the icons in build/, checked offline with electron-builder 26's own code: its schema
// validation, its config loading, its icon resolution, and the deb's metadata, .desktop entry and MIME file as its
// Linux target computes them (these last use app-builder-lib internals, so an electron-builder upgrade may need
// this file adjusted). The icon files are also parsed byte by byte and regenerated from the SVGs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppInfo, LinuxPackager, Packager, type Configuration } from 'app-builder-lib';
import FpmTarget from 'app-builder-lib/out/targets/FpmTarget';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { convertIcon } from 'app-builder-lib/out/util/iconConverter';
import { DebugLogger, setPrinter } from 'builder-util';
import { Data } from 'resedit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { WORKSHOP_FILE_SUFFIX } from '../../../electron/main/open-files';
import { ICNS_TYPES, ICO_SIZES, LINUX_SIZES, writeIcons } from '../../../scripts/icons.mjs';
import { icnsElements, icoEntries, pngSize } from './icon-files';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CONFIG_FILE = path.join(ROOT, 'electron-builder.yml');
const BUILD = path.join(ROOT, 'build');
const config = parse(fs.readFileSync(CONFIG_FILE, 'utf8')) as Configuration;

/** electron-builder's schema check (ajv with coerceTypes, which edits its input: hence the copy). */
const validate = (value: unknown) => validateConfiguration(structuredClone(value) as Configuration, new DebugLogger(false));
const read = (file: string) => fs.readFileSync(path.join(BUILD, file));

let tempDir: string;

beforeAll(() => {
  setPrinter(() => {}); // electron-builder's progress log
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-packaging-'));
});

afterAll(() => {
  setPrinter(null);
  fs.rmSync(tempDir, { recursive: true, force: true });
});

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration validation', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('would fail that validation with a key electron-builder does not know, at any depth', async () => {
    // (Below the root, ajv's error names the object holding the unknown key rather than the key.)
    await expect(validate({ ...config, bogusKey: true })).rejects.toThrow(/Invalid configuration object[^]*bogusKey/);
    await expect(validate({ ...config, linux: { ...config.linux, bogusKey: true } })).rejects.toThrow(/Invalid configuration object[^]*configuration\.linux/);
    await expect(validate({ ...config, fileAssociations: [{ ext: 'x', bogusKey: true }] })).rejects.toThrow(/Invalid configuration object[^]*configuration\.fileAssociations/);
    await expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } })).rejects.toThrow(/Invalid configuration object[^]*runAsNode/);
  });

  it('loads, as `npm run dist` loads it, into the same configuration', async () => {
    // Packager.validateConfig: electron-builder's YAML loader, package.json's metadata check, then the schema check.
    const packager = new Packager({ projectDir: ROOT, config: CONFIG_FILE });
    await packager.validateConfig();
    for (const key of ['appId', 'productName', 'asarUnpack', 'npmRebuild', 'electronFuses', 'fileAssociations', 'linux', 'win', 'mac'] as const) {
      expect(packager.config[key], key).toEqual(config[key]);
    }
  });

  it('makes the installers asked for: AppImage and deb, NSIS, dmg, as app.stratum.desktop "Stratum"', () => {
    expect(config.appId).toBe('app.stratum.desktop');
    expect(config.productName).toBe('Stratum');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('keeps native modules out of the asar and unrebuilt, and the fuses closed', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packages the built app and package.json, and not build/ (electron-builder embeds the icons itself)', () => {
    expect(config.directories?.buildResources).toBe('build');
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'package.json']));
    expect((config.files as string[]).filter((pattern) => /^!?build\b/.test(pattern))).toEqual([]);
  });

  it('points each platform at its icon in build/', () => {
    expect(config.mac?.icon).toBe('build/icon.icns');
    expect(config.win?.icon).toBe('build/icon.ico');
    expect(config.linux?.icon).toBe('build/icons');
  });

  it('associates workshop files (*.stratum.json, the suffix the main process opens) with Stratum', () => {
    const associations = [config.fileAssociations ?? []].flat();
    const workshop = associations.find((a) => a.ext === 'stratum.json');
    expect(workshop).toMatchObject({
      name: 'Stratum workshop',
      mimeType: 'application/vnd.stratum.workshop+json',
      role: 'Editor',
      icon: 'icon',
    });
    expect(`.${workshop?.ext}`).toBe(WORKSHOP_FILE_SUFFIX);
    // electron-builder looks the association's icon up as build/icon.icns (macOS) and build/icon.ico (NSIS).
    expect(fs.existsSync(path.join(BUILD, 'icon.icns'))).toBe(true);
    expect(fs.existsSync(path.join(BUILD, 'icon.ico'))).toBe(true);
    // macOS types files by their last extension only, so Stratum is also an alternate (never default) JSON viewer.
    expect([config.mac?.fileAssociations ?? []].flat()).toEqual([{ ext: 'json', name: 'JSON document', role: 'Viewer', rank: 'Alternate' }]);
  });

  it('gives the deb what its target requires, a .desktop entry that takes file paths and a *.stratum.json MIME glob', async () => {
    const packager = new Packager({ projectDir: ROOT, config: CONFIG_FILE });
    await packager.validateConfig();
    packager._appInfo = new AppInfo(packager, null);
    const linux = new LinuxPackager(packager);
    const helper = new LinuxTargetHelper(linux);
    const deb = new FpmTarget('deb', linux, helper, tempDir);
    try {
      // Throws "Please specify project homepage" or "author email" when either is missing.
      await expect(deb.checkOptions()).resolves.toMatchObject({ name: 'stratum', maintainer: 'Stratum team <stratum@example.invalid>' });

      const desktop = await helper.computeDesktopEntry(deb.options);
      expect(desktop).toMatch(/^Exec=\/opt\/Stratum\/stratum %F$/m);
      expect(desktop).toMatch(/^MimeType=application\/vnd\.stratum\.workshop\+json;$/m);
      expect(desktop).toMatch(/^Icon=stratum$/m);
      expect(desktop).toMatch(/^Categories=Office;$/m);

      const mimeFile = await helper.mimeTypeFiles;
      expect(mimeFile).not.toBeNull();
      const mime = fs.readFileSync(mimeFile as string, 'utf8');
      expect(mime).toContain('<mime-type type="application/vnd.stratum.workshop+json">');
      expect(mime).toContain('<glob pattern="*.stratum.json"/>');
    } finally {
      await packager.tempDirManager.cleanup();
    }
  });
});

describe('the icons in build/', () => {
  it('are what electron-builder uses for each platform as they are, with nothing to convert or download', async () => {
    const roots = [BUILD, ROOT];
    const mac = await convertIcon({ sources: [config.mac?.icon ?? ''], fallbackSources: [], roots, format: 'icns', outDir: tempDir });
    expect(mac).toMatchObject({ isFallback: false, icons: [{ file: path.join(BUILD, 'icon.icns') }] });

    const win = await convertIcon({ sources: [config.win?.icon ?? ''], fallbackSources: [], roots, format: 'ico', outDir: tempDir });
    expect(win).toMatchObject({ isFallback: false, icons: [{ file: path.join(BUILD, 'icon.ico'), size: 256 }] });

    const linux = await convertIcon({ sources: [config.linux?.icon ?? ''], fallbackSources: [], roots, format: 'set', outDir: tempDir });
    expect(linux.isFallback).toBe(false);
    expect(linux.icons).toEqual(LINUX_SIZES.map((size) => ({ size, file: path.join(BUILD, 'icons', `${size}x${size}.png`) })));
    expect(fs.readdirSync(tempDir)).toEqual([]); // no converter ran
  });

  it('icon.png is a 1024×1024 PNG', () => {
    expect(pngSize(read('icon.png'))).toEqual({ width: 1024, height: 1024 });
  });

  it('build/icons holds one PNG per Linux size, each of the size its name says', () => {
    expect(fs.readdirSync(path.join(BUILD, 'icons')).sort()).toEqual(LINUX_SIZES.map((s) => `${s}x${s}.png`).sort());
    for (const size of LINUX_SIZES) {
      expect(pngSize(read(`icons/${size}x${size}.png`)), `${size}x${size}.png`).toEqual({ width: size, height: size });
    }
  });

  it('icon.ico lists 16 to 256 px, each entry pointing at a PNG of its size inside the file', () => {
    const entries = icoEntries(read('icon.ico'));
    expect(entries.map((e) => e.width)).toEqual([...ICO_SIZES]);
    for (const entry of entries) {
      expect(entry.height).toBe(entry.width);
      expect({ planes: entry.planes, bitCount: entry.bitCount }).toEqual({ planes: 1, bitCount: 32 });
      expect(pngSize(entry.data), `${entry.width} px entry`).toEqual({ width: entry.width, height: entry.width });
    }
  });

  it('icon.ico reads as electron-builder’s Windows step (resedit) reads it to embed it in Stratum.exe', () => {
    const icons = Data.IconFile.from(read('icon.ico')).icons;
    expect(icons.map((icon) => [icon.width || 256, icon.height || 256])).toEqual(ICO_SIZES.map((s) => [s, s]));
  });

  it('icon.icns has its length in the header and PNG elements of the sizes their types stand for', () => {
    const elements = icnsElements(read('icon.icns'));
    expect(elements.map((e) => e.type)).toEqual(ICNS_TYPES.map(([type]) => type));
    const sizes: Record<string, number> = { icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 };
    for (const { type, data } of elements) {
      expect(pngSize(data), type).toEqual({ width: sizes[type], height: sizes[type] });
    }
  });

  // The checked-in icons were rendered on linux-x64; resvg's native build for another system may anti-alias a
  // pixel differently, so the byte-for-byte comparison runs where they were made (as CI does).
  it.skipIf(process.platform !== 'linux' || process.arch !== 'x64')('are exactly what `npm run icons` renders from the SVGs (run it after editing them)', () => {
    const out = path.join(tempDir, 'regenerated');
    const written = writeIcons(out);
    const generated = (dir: string) =>
      fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => fs.statSync(path.join(dir, name)).isFile() && !name.endsWith('.svg'))
        .map((name) => name.split(path.sep).join('/'))
        .sort();
    expect(generated(BUILD)).toEqual([...written].sort());
    for (const name of written) {
      expect(fs.readFileSync(path.join(out, name)).equals(read(name)), `build/${name} differs from a fresh render: run npm run icons`).toBe(true);
    }
    fs.rmSync(out, { recursive: true });
  });
});
