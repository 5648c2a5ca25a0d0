import { defaultPack, evaluate } from '../shared/engine';
import { DEFAULT_COST_ASSUMPTIONS } from '../shared/cost';
const pack = defaultPack();
const cat = Object.fromEntries((pack.pack.catalogue ?? []).map((c) => [c.id, c]));
let n = 0;
const uc = (id: string, extra: Record<string, unknown> = {}) => ({ id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, name: cat[id]!.name, answers: { ...cat[id]!.answers, ...extra } as Record<string, string | number | boolean> });
function show(title: string, answers: Record<string, string | number | boolean>, ucs: ReturnType<typeof uc>[]) {
  const t0 = performance.now();
  const e = evaluate(pack, { answers, useCases: ucs }, undefined, { costAssumptions: { ...DEFAULT_COST_ASSUMPTIONS } });
  const ms = performance.now() - t0;
  console.log(`\n== ${title} (${ms.toFixed(1)} ms)`);
  for (const d of e.decisions) {
    console.log(`  ${d.id}: ${d.applicable ? d.recommended : 'n/a'} margin=${d.margin?.toFixed(3)} rob=${d.robustness?.toFixed(2)} [${d.ranking.map((r) => `${r.option}${r.excluded ? '(x)' : ''} ${r.score.toFixed(3)}`).join(', ')}]`);
    if (d.portfolio) for (const row of d.portfolio.useCases) console.log(`      ${row.name}: ${row.parts.map((p) => `${p.decision}=${p.option}(${p.source}${p.ownBest !== p.option ? ' own ' + p.ownBest : ''})`).join(' ')}`);
    for (const x of d.excluded) console.log(`      excluded ${x.option}: ${x.reasons.map((r) => r.reason).join(' | ')}`);
  }
}
show('Factory: inspection at the line, training in cloud', { existingOnPremCapacity: 'none', opsExpertise: 'medium', mlExpertise: 'medium', cloudFootprint: 'one-provider', workloadPattern: 'bursty' }, [uc('visual-inspection')]);
show('No ML staff, summaries', { existingOnPremCapacity: 'none', opsExpertise: 'low', mlExpertise: 'low', cloudFootprint: 'one-provider', timeToValue: 'urgent' }, [uc('document-summarisation')]);
show('Air-gapped defence firm', { airGapped: true, existingOnPremCapacity: 'significant', opsExpertise: 'high', mlExpertise: 'high' }, [uc('document-summarisation', { dataSensitivity: 'regulated', dataResidency: 'sovereign', dataLocation: 'on-premises' }), uc('knowledge-search', { dataResidency: 'sovereign' })]);
show('Regulated bank', { existingOnPremCapacity: 'significant', opsExpertise: 'high', mlExpertise: 'high', cloudFootprint: 'one-provider', governanceMaturity: 'high', businessUnits: 4, lockInConcern: 'medium', sustainedGpuUtilization: 0.6 }, [uc('fraud-scoring'), uc('customer-service-assistant'), uc('document-summarisation')]);
show('SaaS startup', { existingOnPremCapacity: 'none', opsExpertise: 'medium', mlExpertise: 'medium', cloudFootprint: 'one-provider', timeToValue: 'urgent', businessUnits: 1 }, [uc('product-recommendations'), uc('customer-service-assistant'), uc('image-tagging')]);
show('Empty roadmap', {}, []);
