import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../../shared/workshop';

describe('exportFileName', () => {
  it('spells the title in lower-case ASCII words joined by hyphens', () => {
    expect(exportFileName('Contoso AI platform 2027', 'stack', 'svg')).toBe('contoso-ai-platform-2027-stack.svg');
    expect(exportFileName('Café Müller: KI-Strategie', 'workshop', 'stratum.json')).toBe('cafe-muller-ki-strategie-workshop.stratum.json');
    expect(exportFileName('***', 'report', 'pdf')).toBe('workshop-report.pdf');
  });

  it('cuts a long title at the end of a word, never in the middle of one', () => {
    const name = exportFileName('Regional bank: fraud scoring, credit models and a customer assistant', 'stack', 'mmd');
    expect(name).toBe('regional-bank-fraud-scoring-credit-models-and-a-customer-stack.mmd');
    expect(name.length - '-stack.mmd'.length).toBeLessThanOrEqual(60);
    // One word longer than the limit is cut where it must be.
    expect(exportFileName('x'.repeat(80), 'stack', 'svg')).toBe(`${'x'.repeat(60)}-stack.svg`);
  });
});
