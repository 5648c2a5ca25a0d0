// Readers for the icon containers scripts/icons.mjs writes, straight from the file formats (no image library).

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws unless `bytes` starts with a PNG signature and an IHDR. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG (no signature)');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG (first chunk is not IHDR)');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export interface IcoEntry {
  /** Width and height from the directory (a 0 byte read as 256). */
  width: number;
  height: number;
  planes: number;
  bitCount: number;
  /** The image's bytes, as the entry's size and offset point at them. */
  data: Buffer;
}

/** The images of an ICO file, as its ICONDIR and ICONDIRENTRY structures describe them; throws on a malformed file. */
export function icoEntries(bytes: Buffer): IcoEntry[] {
  if (bytes.length < 6 || bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error('not an ICO (bad ICONDIR)');
  const count = bytes.readUInt16LE(4);
  if (bytes.length < 6 + 16 * count) throw new Error('ICO directory runs past the end of the file');
  const entries: IcoEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 16 * i;
    const size = bytes.readUInt32LE(at + 8);
    const offset = bytes.readUInt32LE(at + 12);
    if (offset + size > bytes.length) throw new Error(`ICO entry ${i} runs past the end of the file`);
    entries.push({
      width: bytes.readUInt8(at) || 256,
      height: bytes.readUInt8(at + 1) || 256,
      planes: bytes.readUInt16LE(at + 4),
      bitCount: bytes.readUInt16LE(at + 6),
      data: bytes.subarray(offset, offset + size),
    });
  }
  return entries;
}

/** The elements of an ICNS file, in order; throws unless the header and the element lengths account for every byte. */
export function icnsElements(bytes: Buffer): { type: string; data: Buffer }[] {
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== 'icns') throw new Error("not an ICNS (no 'icns' magic)");
  if (bytes.readUInt32BE(4) !== bytes.length) throw new Error(`ICNS header says ${bytes.readUInt32BE(4)} bytes, the file has ${bytes.length}`);
  const elements: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < bytes.length; ) {
    if (at + 8 > bytes.length) throw new Error(`ICNS element header at ${at} runs past the end of the file`);
    const length = bytes.readUInt32BE(at + 4);
    if (length < 8 || at + length > bytes.length) throw new Error(`ICNS element at ${at} has a bad length (${length})`);
    elements.push({ type: bytes.toString('latin1', at, at + 4), data: bytes.subarray(at + 8, at + length) });
    at += length;
  }
  return elements;
}
