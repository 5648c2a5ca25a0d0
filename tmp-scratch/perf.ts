import { defaultPack, evaluate } from '../shared/engine';
import { DEFAULT_COST_ASSUMPTIONS } from '../shared/cost';
const pack = defaultPack();
const cat = pack.pack.catalogue!;
const ucs = Array.from({ length: 10 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: cat[i % cat.length]!.name, answers: cat[i % cat.length]!.answers }));
const roadmap = { answers: { existingOnPremCapacity: 'some', opsExpertise: 'medium' }, useCases: ucs };
function time(label: string, f: () => void, n = 20) {
  f();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) f();
  console.log(label, ((performance.now() - t0) / n).toFixed(2), 'ms');
}
time('no sensitivity', () => evaluate(pack, roadmap, undefined, { sensitivity: false, costAssumptions: { ...DEFAULT_COST_ASSUMPTIONS } }));
time('default (2000 samples)', () => evaluate(pack, roadmap, undefined, { costAssumptions: { ...DEFAULT_COST_ASSUMPTIONS } }));
time('10k samples', () => evaluate(pack, roadmap, undefined, { robustness: { samples: 10000 }, costAssumptions: { ...DEFAULT_COST_ASSUMPTIONS } }), 5);
time('10k samples no flips?', () => evaluate(pack, roadmap, undefined, { robustness: { samples: 1 }, costAssumptions: { ...DEFAULT_COST_ASSUMPTIONS } }), 5);
