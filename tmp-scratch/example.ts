import { defaultPack } from '../shared/engine';
import { evaluateWorkshop, workshopCost } from '../shared/workshop';
import { EXAMPLE_STATE } from '../electron/storage/example-workshop';
import { stateIssues } from '../electron/handlers/check-state';
const pack = defaultPack();
console.log('issues', stateIssues(pack, EXAMPLE_STATE));
const r = evaluateWorkshop(pack, EXAMPLE_STATE);
for (const d of r.evaluation.decisions) {
  console.log(d.id, d.applicable ? d.recommended : 'n/a', d.margin?.toFixed(3), d.robustness, d.ranking.map((x) => `${x.option}${x.excluded ? '(x)' : ''}:${x.score.toFixed(3)}`).join(' '));
  if (d.portfolio) for (const row of d.portfolio.useCases) console.log('    ', row.name, row.parts.map((p) => `${p.decision}=${p.option}(${p.source}/${p.ownBest})`).join(' '));
  for (const rk of d.risks) console.log('     risk', rk.severity, rk.useCase ? r.evaluation.useCases.find((u) => u.id === rk.useCase)?.name : '', rk.message);
}
const cost = workshopCost(EXAMPLE_STATE, r.evaluation, r.costAssumptions);
console.log('cost production', cost?.production.monthly, 'pilot', cost?.pilot.monthly, 'breakeven', cost?.breakevenUtilization);
for (const u of cost!.production.options.hybrid.useCases) console.log('   ', u.name, Math.round(u.monthly), JSON.stringify(u.placement));
console.log(cost?.notes);
