import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backlogCsv, backlogItems, BACKLOG_COLUMNS, csvText } from '../../../../shared/records';
import { expectGolden } from './golden';
import { bankInput, bankInputWith, EXAMPLE_INPUTS, startupInput } from './workshops';

/** A strict RFC 4180 reader: CRLF records, every field quoted or plain, "" for a quote inside a quoted field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const row: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('unterminated quoted field');
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          field += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"') throw new Error(`bare quote in an unquoted field at ${i}`);
          field += text[i++];
        }
      }
      row.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text.startsWith('\r\n', i)) {
        i += 2;
        break;
      }
      throw new Error(`expected "," or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
    }
    rows.push(row);
  }
  return rows;
}

describe('the backlog CSV', () => {
  it('matches the golden files', () => {
    for (const [name, make] of EXAMPLE_INPUTS) expectGolden(`backlog-${name}.csv`, backlogCsv(make()));
  });

  it.each(EXAMPLE_INPUTS)('parses back (RFC 4180) into the backlog items of the %s workshop', (_name, make) => {
    const input = make();
    const csv = backlogCsv(input);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/(?<!")\r|\r(?!\n)/);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...BACKLOG_COLUMNS]);
    const items = backlogItems(input);
    expect(rows).toEqual(items.map((i) => [i.summary, i.description, i.priority, i.decision, i.risk]));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toHaveLength(5);
      expect(['High', 'Medium', 'Low']).toContain(row[2]);
    }
  });

  it('turns the risks of the outcome (the room\'s choice included) into actions, and the budget into an item', () => {
    const items = backlogItems(bankInput());
    const sourcing = items.filter((i) => i.decision === 'AI sourcing: Foundation-model APIs' && i.priority !== 'Low');
    expect(sourcing.map((i) => `${i.priority} ${i.risk}`)).toEqual(['Medium Hosted APIs are cloud services, in an estate that is otherwise all on-premises.']);
    // Within the bank's budget: no budget item. Below what even the cheapest option costs: one, naming each option's cost.
    expect(items.some((i) => i.summary === 'Close the gap between projected cost and the monthly budget')).toBe(false);
    const tight = backlogItems(bankInputWith((s) => ({ ...s, costAssumptions: { monthlyBudget: 5000 } })));
    const budget = tight.find((i) => i.summary === 'Close the gap between projected cost and the monthly budget');
    expect(budget?.priority).toBe('High');
    expect(budget?.decision).toBe('Deployment: On-premises');
    expect(budget?.description).toMatch(/^At production volume even the cheapest deployment option is over budget\. Public cloud: [\d,]+ USD a month; On-premises: [\d,]+ USD a month; Hybrid: [\d,]+ USD a month\.$/);
    expect(backlogItems(startupInput()).some((i) => i.summary.startsWith('Find out: '))).toBe(true);
  });

  it('says which use case a risk or an open question is about', () => {
    const items = backlogItems(bankInput());
    const assistant = items.find((i) => i.risk.startsWith('Customer assistant: '))!;
    // A tracker shows the summary on its own: it names the use case.
    expect(assistant.summary).toMatch(/^Customer assistant: Choose a platform that installs on your own infrastructure .{10,}…$/);
    expect(assistant.summary.length).toBeLessThanOrEqual(120);
    expect(assistant.description).toContain('Why: Customer assistant: A managed ML platform serving on your own infrastructure: most are cloud services.');
    const open = items.filter((i) => i.summary === 'Find out: Credit risk models: Must it keep working when the network link is down?');
    // Once per decision it bears on, with every rule it held up.
    expect(open.map((i) => i.decision)).toEqual(['Deployment: On-premises', 'AI sourcing: Foundation-model APIs']);
    expect(open[0]!.description).toMatch(/^The Deployment decision was made without this answer; 1 rule could not be decided \(on connectivity\)\./);
    // Plain words, not the pack's ids.
    for (const item of items) expect(item.description, item.summary).not.toMatch(/[a-z]+-[a-z-]+\.[a-z-]+/);
  });

  it('asks each open question once per decision', () => {
    for (const input of [bankInput(), startupInput()]) {
      const open = backlogItems(input).filter((i) => i.priority === 'Low').map((i) => `${i.decision} ${i.summary}`);
      expect(new Set(open).size).toBe(open.length);
    }
  });

  it('property: any text survives the round trip, and formulas are defused', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 5, maxLength: 5 }), { maxLength: 5 }), (rows) => {
        const parsed = parseCsv(csvText([...BACKLOG_COLUMNS], rows)).slice(1);
        expect(parsed).toEqual(rows.map((r) => r.map((f) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f))));
      }),
      { numRuns: 200 },
    );
  });
});
