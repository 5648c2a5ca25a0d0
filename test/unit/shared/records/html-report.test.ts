import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../../../shared/engine';
import { buildRecordsInput, htmlReport, type RecordsInput } from '../../../../shared/records';
import { allElements, parseXml } from '../diagram/xml-check';
import { expectGolden } from './golden';
import { BANK_USE_CASES, bankInput, bankInputWith, bankRecords, bankState, bankWithHostedAssistant, bankWorkshop, EXAMPLE_INPUTS, GENERATED_AT, startupInput, withUseCase } from './workshops';

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'col', 'wbr', 'path', 'rect', 'line', 'circle', 'polygon', 'polyline', 'ellipse', 'use', 'stop']);

/** Checks that every tag is closed in order (self-closing and void elements aside): well-formed enough for a browser and a diff. */
function tagProblems(html: string): string[] {
  const body = html.replace(/<!DOCTYPE html>/i, '').replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  const stack: string[] = [];
  const problems: string[] = [];
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, rawName, selfClosing] = m;
    const name = rawName!.toLowerCase();
    if (selfClosing || (!closing && VOID.has(name) && !m[0].endsWith('></' + name + '>'))) {
      if (!selfClosing && VOID.has(name) && !['meta', 'br'].includes(name)) problems.push(`<${name}> not self-closed`);
      continue;
    }
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) problems.push(`</${name}> closes the wrong element`);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  // No stray "<" or ">" outside tags: every text "<" must have been escaped.
  const text = body.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  if (/[<>]/.test(text)) problems.push(`raw < or > in text near: ${/.{0,40}[<>].{0,40}/.exec(text)?.[0]}`);
  return problems;
}

describe.each(EXAMPLE_INPUTS)('the HTML report of the %s workshop', (name, make) => {
  const html = htmlReport(make());

  it('matches the golden file', () => {
    expectGolden(`report-${name}.html`, html);
    writeFileSync(`/tmp/stratum-report-${name}.html`, html);
  });

  it('is self-contained: no scripts, no remote or external resources', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import|<link\b|<iframe|<object|<embed/i);
    // The only URLs left are XML namespace names, which browsers never fetch.
    for (const url of html.match(/https?:\/\/[^\s"'<>)]+/g) ?? []) expect(url).toBe('http://www.w3.org/2000/svg');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });

  it('is well-formed enough: tags close in order, text is escaped', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expect(tagProblems(html)).toEqual([]);
  });

  it('has the summary, the stack, each decision, cost, risks and participants, and prints a page per decision', () => {
    for (const id of ['summary', 'stack', 'decision-deployment', 'decision-cloud-strategy', 'decision-infrastructure-model', 'decision-inference-mode', 'decision-ai-sourcing', 'cost', 'risks', 'participants']) {
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toMatch(/<figure class="stack"><svg [^>]*viewBox=/);
    expect(html).toMatch(/@media print \{[^]*\.decision[^{]*\{ break-before: page; \}/);
  });
});

describe('the HTML report', () => {
  it('escapes everything people typed', () => {
    const input = bankInput();
    const hostile: RecordsInput = {
      ...input,
      workshop: { ...input.workshop, title: '<img src=x onerror=alert(1)>', organisation: '"><script>x</script>', description: "It's <b>bold</b> & 'quoted'" },
      state: { ...input.state, participants: [{ id: '66666666-6666-4666-8666-666666666666', name: '<i>Eve</i>', role: 'a&b', involvement: 'informed' }] },
    };
    const html = htmlReport(hostile);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('It&#39;s &lt;b&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39;');
    expect(html).toContain('<td>&lt;i&gt;Eve&lt;/i&gt;</td><td>a&amp;b</td>');
    expect(tagProblems(html)).toEqual([]);
  });

  it('shows the room\'s choice beside the recommendation, with its risks and actions', () => {
    const html = htmlReport(bankInput());
    const section = html.split('id="decision-ai-sourcing"')[1]!.split('</section>')[0]!;
    expect(section).toContain('<div class="choice">Room\'s choice: Foundation-model APIs</div>');
    expect(section).toContain('Stratum recommended Custom platform');
    expect(section).toContain('<td><span class="badge sev-medium">medium</span></td><td>Hosted APIs are cloud services, in an estate that is otherwise all on-premises.</td>');
    // A foundation model's API for the assistant's confidential data: a high risk, named for the use case, with what to do.
    const hosted = htmlReport(bankWithHostedAssistant()).split('id="decision-ai-sourcing"')[1]!.split('</section>')[0]!;
    expect(hosted).toContain('<td><span class="badge sev-high">high</span></td><td>Customer assistant: Confidential or regulated data would be sent to a third-party model API.</td>');
    expect(hosted).toContain('zero data retention');
  });

  it('has a by-use-case table under each decision derived from the use cases, naming each one and where it lands', () => {
    const html = htmlReport(bankInput());
    const section = (id: string) => html.split(`id="decision-${id}"`)[1]!.split('</section>')[0]!;
    const rows = (id: string) =>
      [...(section(id).split('<h3>By use case</h3>')[1]?.split('</table>')[0] ?? '').matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]);
    expect(rows('deployment')).toEqual([
      ['Card fraud scoring', 'On-premises'],
      ['Credit risk models', 'On-premises'],
      ['Customer assistant', 'On-premises'],
    ]);
    expect(rows('inference-mode')).toEqual([
      ['Card fraud scoring', 'Real-time'],
      ['Credit risk models', 'Batch'],
      ['Customer assistant', 'Real-time'],
    ]);
    expect(rows('ai-sourcing').map((r) => r[1])).toEqual(['Custom platform', 'Custom platform', 'Managed ML platform']);
    for (const id of ['cloud-strategy', 'infrastructure-model']) expect(section(id)).not.toContain('By use case');
    // The open questions name the use case they are about.
    expect(section('deployment')).toContain('<h3>Not answered yet</h3>\n<ul>\n<li>Credit risk models: Must it keep working when the network link is down?</li>\n</ul>');
  });

  it('prices each use case under the deployment the room goes with', () => {
    const cost = htmlReport(bankInput()).split('<section id="cost">')[1]!.split('</section>')[0]!;
    expect(cost).toMatch(/<tr><td>On-premises<\/td><td>[\d,]+ USD<\/td><td>[\d,]+ USD<\/td><td>within budget<\/td><\/tr>/);
    expect(cost).toContain('<p>Each use case at production volume, on-premises:</p>');
    expect([...cost.matchAll(/<tr><td>([^<]+)<\/td><td>[\d,]+ USD<\/td><\/tr>/g)].map((m) => m[1])).toEqual(['Card fraud scoring', 'Credit risk models', 'Customer assistant']);
    const hybrid = htmlReport(bankWithHostedAssistant()).split('<section id="cost">')[1]!.split('</section>')[0]!;
    expect(hybrid).toContain('<p>Each use case at production volume, hybrid:</p>');
  });

  it('counts the use cases and every open question, the use cases\' own included, in the summary', () => {
    const input = bankInput();
    const open = input.evaluation.unanswered.length + input.evaluation.useCases.reduce((n, u) => n + u.unanswered.length, 0);
    expect(open).toBe(2);
    expect(htmlReport(input)).toContain('<p>4 of 5 decisions have an outcome; 3 use cases; 5 participants; 2 questions not answered yet.</p>');
    expect(htmlReport(startupInput())).toMatch(/<p>5 of 5 decisions have an outcome; 1 use case; 0 participants; \d+ questions not answered yet\.<\/p>/);
  });

  it('escapes a use case\'s name wherever it appears', () => {
    const html = htmlReport(bankInputWith((s) => withUseCase(s, BANK_USE_CASES.credit, (u) => ({ ...u, name: '<img src=x onerror=alert(1)> & "co"' }))));
    expect(html).not.toContain('<img');
    expect(html).toContain('<tr><td>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;co&quot;</td><td>On-premises</td>');
    expect(tagProblems(html)).toEqual([]);
  });

  it('leaves out a diagram that is not inert', () => {
    const input = { ...bankInput(), stackSvg: '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.com/x.png"/></svg>' };
    expect(htmlReport(input)).not.toContain('id="stack"');
    expect(htmlReport({ ...bankInput(), stackSvg: '<svg><script>alert(1)</script></svg>' })).not.toContain('<script');
  });

  it('says what the cost model needs when the volumes are unanswered', () => {
    expect(htmlReport(startupInput())).toContain('<p>The cost model prices the use cases: give them request volumes (now and in production) or training hours to see monthly cost per deployment option.</p>');
  });
});

/** The bank's report with its diagram drawn for this title (and the card fraud use case renamed). */
function bankReportTitled(title: string, fraudUseCase?: string): string {
  const state = fraudUseCase === undefined ? bankState : withUseCase(bankState, BANK_USE_CASES.fraud, (u) => ({ ...u, name: fraudUseCase }));
  return htmlReport(buildRecordsInput({ ...bankWorkshop, title }, state, defaultPack(), { generatedAt: GENERATED_AT, records: bankRecords }));
}

/** What the diagram is drawn with. */
const DIAGRAM_ELEMENTS = new Set(['svg', 'title', 'defs', 'marker', 'path', 'rect', 'g', 'text', 'tspan', 'line', 'circle']);

/** The report's diagram, parsed; fails the test when the report has none. */
function reportDiagram(html: string): ReturnType<typeof parseXml> {
  const figures = [...html.matchAll(/<figure class="stack">([\s\S]*?)<\/figure>/g)];
  expect(figures).toHaveLength(1);
  return parseXml(figures[0]![1]!);
}

/** Checks the diagram holds only its own kinds of element and no handler, link or style attribute. */
function expectInertDiagram(html: string): void {
  const elements = allElements(reportDiagram(html));
  expect(elements[0]!.name).toBe('svg');
  expect(elements.filter((e) => e.name === 'svg')).toHaveLength(1);
  expect(elements.map((e) => e.name).filter((name) => !DIAGRAM_ELEMENTS.has(name))).toEqual([]);
  const attributes = elements.flatMap((e) => Object.keys(e.attributes));
  expect(attributes.filter((a) => /^on|href|^src$|^style$/i.test(a))).toEqual([]);
  // The whole page: one svg element, no script, tags balanced and text escaped.
  expect(html.match(/<svg\b/g)).toHaveLength(1);
  expect(html).not.toMatch(/<script/i);
  expect(tagProblems(html)).toEqual([]);
}

describe('the HTML report of a workshop whose title reads like markup', () => {
  it('keeps the diagram for ordinary titles with "on...=" and "src=" in them, showing the title as typed', () => {
    for (const title of ['Q2 onboarding=fast', 'Wiki src=https://intranet']) {
      const html = bankReportTitled(title);
      expect(html, title).toContain('<section id="stack">');
      expectInertDiagram(html);
      expect(html).toContain(`<h1>${title}</h1>`);
      expect(html).toContain(`<title id="stack-title">${title}: AI infrastructure stack</title>`);
      expect(html).toContain(`>${title}</tspan>`);
    }
  });

  it('keeps the diagram when a use case name reads like markup', () => {
    const html = bankReportTitled('Regional bank', 'Card src=https://intranet onboarding=fast');
    expect(html).toContain('<section id="stack">');
    expectInertDiagram(html);
    expect(html.split('<figure class="stack">')[1]).toContain('src=https://intranet');
  });

  it('shows hostile markup in a title as text: no element or attribute comes of it', () => {
    const titles: Array<[string, string]> = [
      ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
      ['"><svg onload=alert(1)>', '&quot;&gt;&lt;svg onload=alert(1)&gt;'],
    ];
    for (const [title, escaped] of titles) {
      const html = bankReportTitled(title);
      expect(html, title).toContain('<section id="stack">');
      expectInertDiagram(html);
      expect(html).toContain(`<h1>${escaped}</h1>`);
      expect(html).toContain(`<title>${escaped}: AI infrastructure decisions</title>`);
      expect(html).toContain(`<title id="stack-title">${escaped}: AI infrastructure stack</title>`);
    }
  });
});
