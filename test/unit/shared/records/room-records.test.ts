import { describe, expect, it } from 'vitest';
import { htmlReport, madrRecord } from '../../../../shared/records';
import { bankInput, bankInputWith } from './workshops';

describe('records of a workshop that ran the room', () => {
  const input = bankInputWith((s) => {
    const [first, second] = s.participants;
    return {
      ...s,
      participants: s.participants.map((p) => (p.id === first!.id ? { ...p, weightsFrom: 'own-device' as const } : p)),
      votes: { [first!.id]: { deployment: { option: 'hybrid', reason: 'Keep regulated data at home' } }, [second!.id]: { deployment: { option: 'on-premises', reason: '' } } },
    };
  });
  const [first, second] = input.state.participants;

  it('say whose weights were entered on their own device, and list the votes on each decision', () => {
    const record = madrRecord(input, 'deployment');
    expect(record).toContain(`Weights each entered on their own device, unseen by the others until revealed: ${first!.name}`);
    expect(record).toContain('Votes cast on their own devices, unseen by the others until revealed:');
    expect(record).toMatch(new RegExp(`\\* ${first!.name}.*: Hybrid \\("Keep regulated data at home"\\)`));
    expect(record).toMatch(new RegExp(`\\* ${second!.name}.*: On-premises\\n`));
    // Another decision nobody voted on has no votes block.
    expect(madrRecord(input, 'ai-sourcing')).not.toContain('Votes cast');
    const html = htmlReport(input);
    expect(html).toContain('weights entered on their own device');
    // The report lists the same votes under the decision, escaped as HTML.
    const deployment = html.slice(html.indexOf('id="decision-deployment"'), html.indexOf('id="decision-cloud-strategy"'));
    expect(deployment).toContain('Votes cast on their own devices, unseen by the others until revealed:');
    expect(deployment).toMatch(new RegExp(`<li>${first!.name}.*: Hybrid \\(“Keep regulated data at home”\\)</li>`));
  });

  it('say nothing of the room in a workshop that never ran one', () => {
    expect(madrRecord(bankInput(), 'deployment')).not.toMatch(/own device/);
    expect(htmlReport(bankInput())).not.toMatch(/own device/);
  });
});
