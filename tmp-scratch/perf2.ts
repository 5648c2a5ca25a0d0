import { defaultPack, evaluate } from '../shared/engine';
import { DEFAULT_COST_ASSUMPTIONS } from '../shared/cost';
const pack = defaultPack();
const cat = pack.pack.catalogue!;
const ucs = Array.from({ length: 10 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: cat[i % cat.length]!.name, answers: cat[i % cat.length]!.answers }));
const roadmap = { answers: { existingOnPremCapacity: 'some', opsExpertise: 'medium' }, useCases: ucs };
for (let i = 0; i < 30; i++) evaluate(pack, roadmap, undefined, { robustness: { samples: 10000 }, costAssumptions: { ...DEFAULT_COST_ASSUMPTIONS } });
