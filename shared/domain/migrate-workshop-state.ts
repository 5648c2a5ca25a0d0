// Workshop states written before use cases (Stratum 0.1, pack 1.x) held one organisation-wide set of answers.
// Opening one turns the answers that described the AI workload into one use case named for the organisation,
// so the roadmap's first row carries exactly what the room said; nothing the room wrote is dropped.

/** Answers of pack 1.x kept as they were, now asked per use case. */
const MOVED_TO_USE_CASE = ['dataSensitivity', 'dataResidency', 'latencyP95Ms', 'customizationNeed', 'monthlyTrainingGpuHours', 'interruptionTolerance'] as const;
/** Answers of pack 1.x renamed on the way: the inference volume the room gave was read as the pilot's. */
const RENAMED_FOR_USE_CASE: Readonly<Record<string, string>> = { monthlyInferenceRequests: 'requestsPerMonthNow' };
/** Answers of pack 1.x folded into the use case's `usage`; their values are kept in its description. */
const FOLDED_INTO_USAGE = ['interactiveUseCases', 'dataFreshness'] as const;
/** Production was the pilot × this in Stratum 0.1 unless the room changed `pilotToProductionScale`. */
const V1_PILOT_TO_PRODUCTION = 10;

/** What a migration needs to know about the workshop the state belongs to. */
export interface StateMigrationContext {
  workshopId: string;
  organisation: string;
  title: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A UUID (version 4 layout) derived from a seed, so migrating the same state twice gives the same use case id. */
export function derivedUuid(seed: string): string {
  let hex = '';
  for (let salt = 0; salt < 4; salt++) {
    // FNV-1a over the salted seed: well spread, and no crypto is needed for an id that only has to be stable.
    let h = 0x811c9dc5 ^ salt;
    for (let i = 0; i < seed.length; i++) {
      h ^= seed.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    hex += h.toString(16).padStart(8, '0');
  }
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** How a version 1 room's answers about immediacy read as one use case's usage (null when they say nothing). */
export function usageFromV1(interactive: unknown, freshness: unknown): 'interactive' | 'near-real-time' | 'batch' | null {
  // 'some': the migrated use case carries the tightest latency the room named, which is an interactive one's.
  if (interactive === 'most' || interactive === 'some') return 'interactive';
  if (freshness === 'real-time' || freshness === 'hourly') return 'near-real-time';
  if (freshness === 'daily' || freshness === 'weekly' || interactive === 'none') return 'batch';
  return null;
}

const FOLDED_WORDS: Readonly<Record<string, string>> = { interactiveUseCases: 'use cases needing an immediate response', dataFreshness: 'data freshness' };

/**
 * A state saved before use cases, as this version reads it; any other value is returned as it is (a state that
 * already has `useCases`, or something the schema will refuse with its own message). `migrated` says which.
 */
export function migrateWorkshopState(raw: unknown, context: StateMigrationContext): { state: unknown; migrated: boolean } {
  if (!isRecord(raw) || Object.hasOwn(raw, 'useCases')) return { state: raw, migrated: false };
  const answers = isRecord(raw.answers) ? { ...raw.answers } : {};
  const dontKnow = Array.isArray(raw.dontKnow) ? [...(raw.dontKnow as unknown[])] : [];
  const notes = isRecord(raw.notes) ? { ...raw.notes } : {};
  const costAssumptions = isRecord(raw.costAssumptions) ? { ...raw.costAssumptions } : undefined;

  const useCaseAnswers: Record<string, unknown> = {};
  const useCaseDontKnow: string[] = [];
  const useCaseNotes: Record<string, unknown> = {};
  const move = (from: string, to: string) => {
    if (Object.hasOwn(answers, from)) useCaseAnswers[to] = answers[from];
    if (dontKnow.includes(from)) useCaseDontKnow.push(to);
    if (Object.hasOwn(notes, from)) useCaseNotes[to] = notes[from];
    delete answers[from];
    delete notes[from];
    const at = dontKnow.indexOf(from);
    if (at >= 0) dontKnow.splice(at, 1);
  };
  for (const id of MOVED_TO_USE_CASE) move(id, id);
  for (const [from, to] of Object.entries(RENAMED_FOR_USE_CASE)) move(from, to);

  const scale = typeof costAssumptions?.pilotToProductionScale === 'number' ? costAssumptions.pilotToProductionScale : V1_PILOT_TO_PRODUCTION;
  if (costAssumptions) delete costAssumptions.pilotToProductionScale;
  const pilot = useCaseAnswers.requestsPerMonthNow;
  if (typeof pilot === 'number' && Number.isFinite(pilot)) useCaseAnswers.requestsPerMonthInProduction = pilot * scale;

  const usage = usageFromV1(answers.interactiveUseCases, answers.dataFreshness);
  if (usage) useCaseAnswers.usage = usage;
  const folded: string[] = [];
  for (const id of FOLDED_INTO_USAGE) {
    if (Object.hasOwn(answers, id)) folded.push(`${FOLDED_WORDS[id]}: ${String(answers[id])}`);
    if (typeof notes[id] === 'string' && notes[id] !== '') folded.push(`note on ${FOLDED_WORDS[id]}: ${String(notes[id])}`);
    delete answers[id];
    delete notes[id];
    const at = dontKnow.indexOf(id);
    if (at >= 0) dontKnow.splice(at, 1);
  }

  const who = context.organisation.trim() || context.title.trim() || 'The organisation';
  const description = [
    'Carried over from the organisation-wide answers of an earlier Stratum, which asked about all AI use cases at once.',
    folded.length > 0 ? `It also said: ${folded.join('; ')}.` : '',
    typeof pilot === 'number' ? `Its production volume is the pilot's × ${scale}, as that version assumed.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const useCase = {
    id: derivedUuid(`${context.workshopId}/use-case/1`),
    name: `${who}: all AI use cases`.slice(0, 120),
    description,
    answers: useCaseAnswers,
    dontKnow: useCaseDontKnow,
    notes: useCaseNotes,
    roomChoices: {},
  };
  const state: Record<string, unknown> = { ...raw, useCases: [useCase], answers, dontKnow, notes };
  if (costAssumptions) state.costAssumptions = costAssumptions;
  return { state, migrated: true };
}
