import { loadPack, formatIssue } from '../shared/engine';
import pack from '../shared/packs/default.json';
const r = loadPack(pack);
if (!r.ok) { for (const i of r.issues) console.log(formatIssue(i)); process.exit(1); }
console.log('ok', r.value.rules.length, r.value.portfolios.length);
