// Regenerates the app icons in build/ (electron-builder's buildResources folder) from the two SVG drawings there:
//
//   node scripts/icons.mjs
//
// Run it after editing build/icon.svg or build/icon-small.svg, and check in what it writes:
//   build/icon.png               1024×1024, the master drawing
//   build/icons/<n>x<n>.png      Linux (electron-builder's linux.icon points at the folder): 16 to 512
//   build/icon.ico               Windows: PNG-compressed entries 16 to 256
//   build/icon.icns              macOS: PNG entries 16 to 1024
// Sizes up to 32 px on Windows and Linux come from icon-small.svg (the same strata redrawn flat on a 16-unit grid;
// 16 px is rendered with crisp edges); everything else, and every macOS size, from icon.svg.
// The output is deterministic (same SVGs, same bytes), and test/unit/packaging/electron-builder.test.ts regenerates
// the icons into a temporary folder and compares them byte for byte with the checked-in files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

export const BUILD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');

export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS element types and their pixel sizes: the 1× types, then the @2× ones macOS picks on Retina screens. */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];
/** Windows and Linux sizes up to this one use the small drawing. */
export const SMALL_MAX = 32;

/** Rasterizes an SVG document to a square PNG of `size` pixels. `crisp` turns antialiasing off for shapes that don't ask for it. */
export function renderPng(svg, size, { crisp = false } = {}) {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
    ...(crisp ? { shapeRendering: 1 } : {}),
  });
  return Buffer.from(resvg.render().asPng());
}

/** An ICO file of PNG-compressed images: ICONDIR, one ICONDIRENTRY per image, then the PNGs in the same order. */
export function buildIco(images) {
  const directory = Buffer.alloc(6 + 16 * images.length);
  directory.writeUInt16LE(0, 0); // reserved
  directory.writeUInt16LE(1, 2); // type: icon
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    directory.writeUInt8(size >= 256 ? 0 : size, entry); // width (0 means 256)
    directory.writeUInt8(size >= 256 ? 0 : size, entry + 1); // height
    directory.writeUInt8(0, entry + 2); // colours in the palette: none
    directory.writeUInt8(0, entry + 3); // reserved
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(png.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([directory, ...images.map((image) => image.png)]);
}

/** An ICNS file: 'icns' and the big-endian total length, then per element its type, its length (header included) and the PNG. */
export function buildIcns(elements) {
  const parts = elements.map(({ type, png }) => {
    const header = Buffer.alloc(8);
    header.write(type, 0, 'latin1');
    header.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([header, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([header, ...parts]);
}

/**
 * Renders every icon file into `outDir` (created if missing) from the SVGs in `sourceDir`.
 * Returns the written files' paths relative to `outDir`, forward slashes.
 */
export function writeIcons(outDir, { sourceDir = BUILD_DIR } = {}) {
  const master = fs.readFileSync(path.join(sourceDir, 'icon.svg'), 'utf8');
  const small = fs.readFileSync(path.join(sourceDir, 'icon-small.svg'), 'utf8');
  const cache = new Map();
  const render = (drawing, size) => {
    const key = `${drawing}:${size}`;
    if (!cache.has(key)) {
      cache.set(key, drawing === 'small' ? renderPng(small, size, { crisp: size === 16 }) : renderPng(master, size));
    }
    return cache.get(key);
  };
  // Windows and Linux: the small drawing up to SMALL_MAX; macOS keeps the master's safe margin at every size.
  const desktop = (size) => render(size <= SMALL_MAX ? 'small' : 'master', size);

  const files = new Map();
  files.set('icon.png', render('master', 1024));
  for (const size of LINUX_SIZES) files.set(`icons/${size}x${size}.png`, desktop(size));
  files.set('icon.ico', buildIco(ICO_SIZES.map((size) => ({ size, png: desktop(size) }))));
  files.set('icon.icns', buildIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: render('master', size) }))));

  for (const [name, bytes] of files) {
    const file = path.join(outDir, ...name.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  }
  return [...files.keys()];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const written = writeIcons(BUILD_DIR);
  for (const name of written) console.log(`build/${name}`);
}
