// The cost sentences every record format prints: a tie is a tie, and a cheapest option a constraint rules out says so.
import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../../../shared/cost';
import { defaultPack } from '../../../../shared/engine';
import { costView } from '../../../../shared/records/cost-view';
import { DEFAULTS, WORKED } from '../cost/fixtures';

const pack = defaultPack();
const cheapestSentence = (view: ReturnType<typeof costView>) => view.sentences.find((s) => s.startsWith('Cheapest at production volume'));

describe('costView', () => {
  it('names the one cheapest option, and each use case’s cost under the deployment the room goes with', () => {
    const cost = estimateCost(WORKED, DEFAULTS);
    const view = costView(pack, cost, 'hybrid');
    expect(cheapestSentence(view)).toBe('Cheapest at production volume: Public cloud.');
    expect(view.outcome).toEqual({ option: 'hybrid', label: 'Hybrid' });
    expect(view.useCases.map((u) => u.name)).toEqual(['Support assistant', 'Visual inspection', 'Contract review']);
  });

  it('says so when the cheapest is excluded by a constraint', () => {
    const view = costView(pack, estimateCost(WORKED, DEFAULTS), null, ['cloud']);
    expect(cheapestSentence(view)).toBe('Cheapest at production volume: Public cloud (Public cloud is ruled out for this roadmap).');
    expect(view.useCases).toEqual([]);
  });

  it('shows options that cost the same as a tie, not one of them', () => {
    // Hybrid placing every use case as on-premises does costs exactly what on-premises costs.
    const same = { ...WORKED, placements: { ...WORKED.placements, cloud: WORKED.placements['on-premises'], hybrid: WORKED.placements['on-premises'] } };
    const cost = estimateCost(same, DEFAULTS);
    expect(cheapestSentence(costView(pack, cost))).toBe('Cheapest at production volume: Public cloud, On-premises and Hybrid, at the same cost.');
  });
});
