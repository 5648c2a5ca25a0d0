import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrPath } from '../../../../../renderer/features/room/QrCode';

/** The drawn code as an RGBA image (4 px a module, a 4-module white quiet zone), as a phone's camera would see it. */
function rasterize(text: string): { data: Uint8ClampedArray; width: number } {
  const { size, d } = qrPath(text);
  const scale = 4;
  const quiet = 4;
  const width = (size + quiet * 2) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const m of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const [c, r] = [Number(m[1]), Number(m[2])];
    for (let y = 0; y < scale; y++)
      for (let x = 0; x < scale; x++) {
        const i = (((r + quiet) * scale + y) * width + (c + quiet) * scale + x) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
  }
  return { data, width };
}

describe('join codes', () => {
  it('read back as exactly the participant’s link', () => {
    for (const link of ['http://192.168.1.20:41234/#/join/v8efXhFUYTtbcvkx03ScplUFx7k-8Hps2ZEA5k40_io', 'http://[fd00::1c]:5000/#/join/idbQOdarugMYMJf5jEe01OugtDeKFJ1pEuOOKPALGJE']) {
      const { data, width } = rasterize(link);
      expect(jsQR(data, width, width)?.data).toBe(link);
    }
  });
});
