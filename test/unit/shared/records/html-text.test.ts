import { describe, expect, it } from 'vitest';
import { inlineSvg } from '../../../../shared/records/html-text';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const svgWith = (inner: string, rootAttributes = ''): string => `<svg ${NS} width="10" height="10" viewBox="0 0 10 10"${rootAttributes}>${inner}</svg>`;

describe('inlineSvg', () => {
  it('keeps a diagram whose text reads like markup, links or handlers: text is never markup', () => {
    const texts = [
      'Q2 onboarding=fast',
      'Wiki src=https://intranet/page',
      'see href=javascript:alert(1) and url(https://x.example/a.png) @import x',
      '&lt;script&gt;alert(1)&lt;/script&gt;',
      '&quot;&gt;&lt;svg onload=alert(1)&gt;',
    ];
    for (const text of texts) {
      const svg = svgWith(`<title id="stack-title">${text}</title><g id="component:${text}"><text x="1" y="2" fill="#1F2933"><tspan x="1" y="2">${text}</tspan></text></g>`);
      expect(inlineSvg(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`), text).toBe(svg);
    }
  });

  it('keeps references to the diagram\'s own markers', () => {
    const svg = svgWith('<defs><marker id="arrow" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#1F4E79"/></marker></defs><line x1="0" y1="0" x2="5" y2="5" marker-end="url(#arrow)"/>');
    expect(inlineSvg(svg)).toBe(svg);
  });

  it('leaves out a diagram whose markup runs, embeds, styles or links anything', () => {
    const active = [
      svgWith('<script>alert(1)</script>'),
      svgWith('<rect x="0" y="0" width="1" height="1"/>', ' onload="alert(1)"'),
      svgWith('<rect x="0" y="0" width="1" height="1" onclick="alert(1)"/>'),
      svgWith('<image href="https://example.com/x.png"/>'),
      svgWith('<a xlink:href="javascript:alert(1)"><text x="1" y="1">x</text></a>'),
      svgWith('<use href="#a"/>'),
      svgWith('<foreignObject><div>x</div></foreignObject>'),
      svgWith('<style>@import url(https://x.example/a.css);</style>'),
      svgWith('<rect x="0" y="0" width="1" height="1" style="fill:url(https://x.example/a.svg#p)"/>'),
      svgWith('<rect x="0" y="0" width="1" height="1" fill="url(https://x.example/a.svg#p)"/>'),
      svgWith('<rect x="0" y="0" width="1" height="1" fill="url(a.svg)"/>'),
      svgWith('<rect x="0" y="0" width="1" height="1" fill="u&#114;l(a.svg)"/>'),
      svgWith('<rect x="0" y="0" width="1" height="1" filter="url(#f)"/>'),
      svgWith('<rect\u00A0onload="alert(1)" x="0"/>'),
      svgWith('<title>a<img src="x"/></title>'),
      svgWith('<!-- a comment --><rect x="0" y="0" width="1" height="1"/>'),
      svgWith('<![CDATA[<script>alert(1)</script>]]>'),
      `<svg xmlns="http://example.com/other">x</svg>`,
    ];
    for (const svg of active) expect(inlineSvg(svg), svg).toBeNull();
  });

  it('leaves out anything that is not one well-nested SVG element', () => {
    for (const svg of ['<div>x</div>', svgWith('<g>'), svgWith('</g>'), `${svgWith('')}<script>alert(1)</script>`, `${svgWith('')}text after`, '<svg><g></svg></g>', '']) {
      expect(inlineSvg(svg), svg).toBeNull();
    }
  });
});
