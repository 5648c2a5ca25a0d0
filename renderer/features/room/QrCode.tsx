import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/** The dark modules of a QR code for `text`, as one SVG path (a 1×1 square each), and the code's size in modules. */
export function qrPath(text: string): { size: number; d: string } {
  // Level M: a phone reads it off a projector or a crumpled slip; a join link fits well within its capacity.
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const size = code.getModuleCount();
  const parts: string[] = [];
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (code.isDark(r, c)) parts.push(`M${c} ${r}h1v1h-1z`);
  return { size, d: parts.join('') };
}

/** A QR code drawn here, with no network: dark modules on white inside the four-module quiet zone readers need. */
export function QrCode({ text, label, pixels }: { text: string; label: string; pixels: number }) {
  const { size, d } = useMemo(() => qrPath(text), [text]);
  const quiet = 4;
  const box = size + quiet * 2;
  return (
    <svg className="qr-code" width={pixels} height={pixels} viewBox={`${-quiet} ${-quiet} ${box} ${box}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect x={-quiet} y={-quiet} width={box} height={box} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
