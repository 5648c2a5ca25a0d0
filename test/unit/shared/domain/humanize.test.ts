import { describe, expect, it } from 'vitest';
import { humanize, optionLabel } from '../../../../shared/domain';
import { defaultPack, packOptionLabel } from '../../../../shared/engine';

describe('option labels', () => {
  const pack = defaultPack();

  it('names an option by the label its pack gives it', () => {
    expect(packOptionLabel(pack, 'deployment', 'on-premises')).toBe('On-premises');
    expect(packOptionLabel(pack, 'ai-sourcing', 'foundation-model-apis')).toBe(
      pack.decisions[pack.decisionIndex.get('ai-sourcing')!]!.decision.options.find((o) => o.id === 'foundation-model-apis')!.label,
    );
    expect(optionLabel({ options: [{ id: 'one-provider', label: 'A single provider' }] }, 'one-provider')).toBe('A single provider');
  });

  it('puts an id the pack does not know into words instead of printing it', () => {
    // An option kept in a record from an earlier pack version, or a decision the pack lacks.
    expect(packOptionLabel(pack, 'deployment', 'edge-cluster')).toBe('Edge cluster');
    expect(packOptionLabel(pack, 'no-such-decision', 'multi-cloud')).toBe('Multi-cloud');
    expect(optionLabel(undefined, 'pre-built-apis')).toBe(humanize('pre-built-apis'));
    expect(optionLabel(null, 'managed-ml-platform')).toBe('Managed ML platform');
  });
});
