import type { Answers } from '../engine';
import type { LayerId } from './layers';
import { PLACEMENT_IDS, PLACEMENT_LABELS, type PlacementId } from './placements';
import type { ResolvedDecision } from './resolve-decisions';
import { stackCatalogue, type ComponentIcon } from './stack-catalogue';

export type { ComponentIcon } from './stack-catalogue';

/** A component the decisions put in one placement; `id` is `<placement>/<layer>/<key>` and never changes. */
export interface PlannedComponent {
  id: string;
  key: string;
  layer: LayerId;
  placement: PlacementId;
  label: string;
  detail: string | null;
  icon: ComponentIcon;
}

/** One end of a data flow: a component in a placement. */
export interface FlowEnd {
  placement: PlacementId;
  key: string;
}

/** Data moving between two neighbouring placements at one layer. */
export interface PlannedFlow {
  id: string;
  label: string;
  layer: LayerId;
  from: FlowEnd;
  to: FlowEnd;
}

/** One step of a serving path, tied to the component that performs it. */
export interface PlannedStep {
  label: string;
  layer: LayerId;
  key: string;
}

/** How predictions are served: the chain of steps of the real-time or the batch path. */
export interface PlannedServingPath {
  id: 'real-time' | 'batch';
  label: string;
  placement: PlacementId;
  steps: PlannedStep[];
}

/** A business-unit lane under the governance band. */
export interface PlannedLane {
  id: string;
  label: string;
  detail: string;
}

/** The central platform and governance band that hub-and-spoke and federated models draw. */
export interface PlannedGovernance {
  model: 'hub-and-spoke' | 'federated';
  title: string;
  detail: string;
  lanes: PlannedLane[];
  businessUnits: number;
}

/** Where regulated data must stay, and which placements hold it. */
export interface PlannedResidency {
  level: 'regional' | 'in-country' | 'sovereign';
  label: string;
  placements: PlacementId[];
}

/** A security control shown as an annotation on the layers it guards. */
export interface SecurityControl {
  id: 'access-control' | 'encryption-at-rest' | 'encryption-in-transit' | 'network-isolation' | 'monitoring';
  code: string;
  label: string;
  detail: string;
  layers: LayerId[];
}

/** A use case as the diagram draws it: where it serves, how, and what its data asks. */
export interface StackUseCase {
  id: string;
  name: string;
  /** Where it serves: null when a provider's API serves it. */
  serving: 'cloud' | 'on-premises' | 'edge' | null;
  training: 'cloud' | 'on-premises' | null;
  mode: 'real-time' | 'batch' | null;
  sourcing: string | null;
  /** Its sourcing's label, for the box ("Foundation-model APIs"). */
  sourcingLabel: string | null;
  latencyMs: number | null;
  dataResidency: string | null;
  dataSensitivity: string | null;
  interruptionTolerance: string | null;
}

/** The decisions as the diagram reads them, after defaults for undecided ones. */
export interface StackShape {
  deployment: 'cloud' | 'on-premises' | 'hybrid';
  multiCloud: boolean;
  infrastructureModel: 'centralized' | 'federated' | 'hub-and-spoke';
  inferenceMode: 'real-time' | 'batch' | 'both' | null;
  sourcing: 'pre-built-apis' | 'foundation-model-apis' | 'managed-ml-platform' | 'custom-platform' | 'industry-specific-solutions' | null;
  edge: boolean;
  latencyMs: number | null;
  /** The roadmap's use cases, each where it lands (none for a pack without use cases). */
  useCases: StackUseCase[];
}

/** What the decisions put where, before geometry and before the room's overrides. */
export interface StackPlan {
  shape: StackShape;
  placements: PlacementId[];
  components: PlannedComponent[];
  flows: PlannedFlow[];
  servingPaths: PlannedServingPath[];
  governance: PlannedGovernance | null;
  residency: PlannedResidency | null;
  security: SecurityControl[];
  warnings: string[];
}

/** At or under this p95 budget a WAN round trip does not fit, so real-time serving moves to the edge. */
export const EDGE_LATENCY_MS = 20;
/** Business-unit lanes drawn before the rest are summarised in one "more" lane. */
export const MAX_LANES = 6;
/** Lanes drawn when the number of business units is unknown. */
export const DEFAULT_LANES = 3;

// The catalogue (which components exist, their labels and icons) is data beside the rule packs, read when first drawn.

/** Position of a component key in its layer's catalogue (added components sort after). */
export function catalogueIndex(layer: LayerId, key: string): number {
  const entries = stackCatalogue()[layer];
  const i = entries.findIndex((e) => e.key === key);
  return i < 0 ? entries.length : i;
}

/** The icon a component of this layer and key gets. */
export function iconFor(layer: LayerId, key: string): ComponentIcon {
  const found = stackCatalogue()[layer].find((e) => e.key === key);
  if (found) return found.icon;
  return layer === 'storage' ? 'disk' : layer === 'networking' || layer === 'applications' ? 'internet' : 'server';
}

function optionOf(decisions: readonly ResolvedDecision[], id: string): string | null {
  return decisions.find((d) => d.id === id)?.option ?? null;
}

function numberAnswer(answers: Answers, id: string): number | null {
  const v = answers[id];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function stringAnswer(answers: Answers, id: string): string | null {
  const v = answers[id];
  return typeof v === 'string' ? v : null;
}

/** Reads the decisions as a stack shape; undecided deployment is drawn as cloud and said so. */
export function stackShape(decisions: readonly ResolvedDecision[], answers: Answers, warnings: string[] = [], useCases: readonly StackUseCase[] = []): StackShape {
  const deploymentOption = optionOf(decisions, 'deployment');
  const deployment = deploymentOption === 'on-premises' || deploymentOption === 'hybrid' || deploymentOption === 'cloud' ? deploymentOption : 'cloud';
  if (deploymentOption === null) warnings.push('Deployment is undecided: the stack is drawn as a cloud deployment until it is decided.');
  const multiCloud = deployment !== 'on-premises' && optionOf(decisions, 'cloud-strategy') === 'multi-cloud';
  const model = optionOf(decisions, 'infrastructure-model');
  const infrastructureModel = model === 'federated' || model === 'hub-and-spoke' ? model : 'centralized';
  const inference = optionOf(decisions, 'inference-mode');
  const inferenceMode = inference === 'real-time' || inference === 'batch' || inference === 'both' ? inference : null;
  const sourcingOption = optionOf(decisions, 'ai-sourcing');
  const sourcing =
    sourcingOption === 'pre-built-apis' ||
    sourcingOption === 'foundation-model-apis' ||
    sourcingOption === 'managed-ml-platform' ||
    sourcingOption === 'custom-platform' ||
    sourcingOption === 'industry-specific-solutions'
      ? sourcingOption
      : null;
  if (useCases.length > 0) {
    // The roadmap says where each use case serves: the edge is drawn when one serves there.
    const atEdge = useCases.filter((u) => u.serving === 'edge');
    const latencies = atEdge.map((u) => u.latencyMs).filter((l): l is number => l !== null);
    return { deployment, multiCloud, infrastructureModel, inferenceMode, sourcing, edge: atEdge.length > 0, latencyMs: latencies.length > 0 ? Math.min(...latencies) : null, useCases: [...useCases] };
  }
  const latencyMs = numberAnswer(answers, 'latencyP95Ms');
  const edge = latencyMs !== null && latencyMs > 0 && latencyMs <= EDGE_LATENCY_MS && (inferenceMode === 'real-time' || inferenceMode === 'both');
  return { deployment, multiCloud, infrastructureModel, inferenceMode, sourcing, edge, latencyMs, useCases: [] };
}

type Spec = [layer: LayerId, key: string, detail?: string | null, label?: string];

/**
 * A hybrid of the edge and the cloud alone: use cases serve at the sites and in the cloud, and none serves or
 * trains in a data centre (a factory serving at the line and training in the cloud). No on-premises column is drawn.
 */
function edgeAndCloudOnly(shape: StackShape): boolean {
  return shape.deployment === 'hybrid' && shape.edge && shape.useCases.length > 0 && !shape.useCases.some((u) => u.serving === 'on-premises' || u.training === 'on-premises');
}

function servingDetail(mode: StackShape['inferenceMode']): string | null {
  return mode === 'both' ? 'real-time + batch' : mode === 'real-time' ? 'real-time' : mode === 'batch' ? 'batch scoring' : null;
}

/** What every column's components read of the shape: how models are served and how cloud accelerators are bought. */
interface SpecContext {
  shape: StackShape;
  serving: string | null;
  realTime: boolean;
  cloudGpu: string;
  /** Where the edge serves in real time, what a central column's serving is for. */
  edgeServing: string | null;
  /** With a roadmap, how the use cases served in a column are served. */
  servedHere: (where: 'cloud' | 'on-premises') => string | null;
}

function specContext(shape: StackShape, answers: Answers): SpecContext {
  const tolerant = (t: string | null) => t === 'some' || t === 'high';
  const spotFriendly = shape.useCases.length > 0 ? shape.useCases.some((u) => u.training === 'cloud' && tolerant(u.interruptionTolerance)) : tolerant(stringAnswer(answers, 'interruptionTolerance'));
  return {
    shape,
    serving: servingDetail(shape.inferenceMode),
    realTime: shape.inferenceMode === 'real-time' || shape.inferenceMode === 'both',
    cloudGpu: spotFriendly ? 'on demand + spot' : 'on demand + reserved',
    edgeServing: shape.edge ? (shape.inferenceMode === 'both' ? 'batch; real-time at edge' : 'fallback') : null,
    servedHere: (where) => {
      const modes = new Set(shape.useCases.filter((u) => u.serving === where).map((u) => u.mode));
      return modes.has('real-time') && modes.has('batch') ? 'real-time + batch' : modes.has('batch') ? 'batch scoring' : modes.has('real-time') ? 'real-time' : null;
    },
  };
}

function edgeSpecs(c: SpecContext): Spec[] {
  return [
    ['applications', 'edge-apps'],
    ['platform', 'model-serving', c.shape.latencyMs !== null ? `latency-critical, p95 ≤ ${c.shape.latencyMs} ms` : 'at the sites'],
    ['platform', 'monitoring', 'local agent'],
    ['networking', 'inference-endpoints', 'local'],
    ['storage', 'feature-store', 'online cache'],
    ['compute', 'accelerators', 'inference', 'Edge accelerators'],
  ];
}

/** Where the whole stack sits in one place, what differs between a data centre and a cloud provider. */
const ONE_PLACE = {
  'on-premises': { interconnect: 'data-centre fabric', endpoints: 'internal API gateway', archive: undefined },
  cloud: { interconnect: 'private network', endpoints: 'private API gateway', archive: 'cold tier' },
} as const;

/** Everything in one place: a data centre (an owned cluster) or one cloud provider (rented accelerators). */
function onePlaceSpecs(c: SpecContext, where: 'on-premises' | 'cloud'): Spec[] {
  const place = ONE_PLACE[where];
  return [
    ['applications', 'business-apps'],
    ['platform', 'dev-environments'],
    ['platform', 'experiment-tracking'],
    ['platform', 'training-pipelines'],
    ['platform', 'model-registry'],
    ['platform', 'model-serving', c.servedHere(where) ?? c.edgeServing ?? c.serving],
    ['platform', 'monitoring'],
    ['networking', 'interconnect', place.interconnect],
    ['networking', 'data-transfer', 'ingest from sources'],
    ['networking', 'inference-endpoints', c.realTime ? place.endpoints : 'internal only'],
    ['storage', 'object-storage', 'data lake'],
    ['storage', 'feature-store'],
    ['storage', 'checkpoints'],
    place.archive ? ['storage', 'archive', place.archive] : ['storage', 'archive'],
    where === 'cloud' ? ['compute', 'accelerators', c.cloudGpu, 'GPUs / TPUs'] : ['compute', 'accelerators', 'owned cluster'],
    ['compute', 'cpu'],
  ];
}

/** A hybrid: sensitive data and steady serving on-premises, experimentation and burst training in the cloud. */
function hybridSpecs(c: SpecContext): Array<[PlacementId, Spec[]]> {
  const { shape } = c;
  // Use cases the roadmap serves in the cloud need serving there too, beside burst training.
  const cloudServing: Spec[] = [];
  if (shape.useCases.some((u) => u.serving === 'cloud')) {
    cloudServing.push(['platform', 'model-serving', c.servedHere('cloud')]);
    if (shape.useCases.some((u) => u.serving === 'cloud' && u.mode === 'real-time')) cloudServing.push(['networking', 'inference-endpoints', 'private API gateway']);
  }
  const onPremises: Spec[] = [
    ['applications', 'business-apps'],
    ['platform', 'sensitive-data-processing', 'regulated data stays here'],
    ['platform', 'model-registry', 'system of record'],
    ['platform', 'model-serving', c.servedHere('on-premises') ?? c.edgeServing ?? (c.realTime ? 'latency-critical' : c.serving)],
    ['platform', 'monitoring'],
    ['networking', 'interconnect', 'private link to cloud'],
    ['networking', 'data-transfer', 'de-identified export'],
    ['networking', 'inference-endpoints', c.realTime ? 'internal API gateway' : 'internal only'],
    ['storage', 'object-storage', 'sensitive data'],
    ['storage', 'feature-store'],
    ['storage', 'archive'],
    ['compute', 'accelerators', 'steady inference load'],
    ['compute', 'cpu'],
  ];
  const cloud: Spec[] = [
    ['platform', 'dev-environments', 'experimentation'],
    ['platform', 'experiment-tracking'],
    ['platform', 'training-pipelines', 'burst training'],
    ...cloudServing.filter(([layer]) => layer === 'platform'),
    ['platform', 'monitoring'],
    ['networking', 'interconnect', 'private link to on-premises'],
    ['networking', 'data-transfer'],
    ...cloudServing.filter(([layer]) => layer === 'networking'),
    ['storage', 'object-storage', 'de-identified training data'],
    ['storage', 'checkpoints'],
    ['compute', 'accelerators', `burst, ${c.cloudGpu}`, 'GPUs / TPUs'],
    ['compute', 'cpu'],
  ];
  return [
    ['on-premises', onPremises],
    ['cloud-a', cloud],
  ];
}

/** The second provider of a multi-cloud strategy: best-of-breed training, and failover serving for a cloud deployment. */
function secondCloudSpecs(c: SpecContext): Spec[] {
  const specs: Spec[] = [['platform', 'training-pipelines', 'best-of-breed services']];
  if (c.shape.deployment === 'cloud' && c.shape.inferenceMode !== null) specs.push(['platform', 'model-serving', 'failover']);
  specs.push(
    ['platform', 'monitoring'],
    ['networking', 'interconnect', 'cross-cloud link'],
    ['networking', 'data-transfer'],
    ['storage', 'object-storage', 'replica'],
    ['storage', 'checkpoints'],
    ['compute', 'accelerators', c.cloudGpu, 'GPUs / TPUs'],
    ['compute', 'cpu'],
  );
  return specs;
}

/** The components each placement holds for a shape (before sourcing details). */
function placementSpecs(shape: StackShape, answers: Answers): Array<[PlacementId, Spec[]]> {
  const c = specContext(shape, answers);
  const out: Array<[PlacementId, Spec[]]> = [];
  if (shape.edge) out.push(['edge', edgeSpecs(c)]);
  if (shape.deployment === 'on-premises') out.push(['on-premises', onePlaceSpecs(c, 'on-premises')]);
  else if (shape.deployment === 'hybrid' && !edgeAndCloudOnly(shape)) out.push(...hybridSpecs(c));
  else out.push(['cloud-a', onePlaceSpecs(c, 'cloud')]);
  if (shape.multiCloud) out.push(['cloud-b', secondCloudSpecs(c)]);
  return out;
}

/** Adds what the sourcing decision brings: vendor APIs, foundation models, managed or self-built platform. */
function applySourcing(shape: StackShape, components: PlannedComponent[], placements: readonly PlacementId[]): void {
  const cloud: PlacementId | null = placements.includes('cloud-a') ? 'cloud-a' : null;
  const home: PlacementId = cloud ?? 'on-premises';
  const add = (layer: LayerId, key: string, detail: string): void => {
    if (components.some((c) => c.placement === home && c.layer === layer && c.key === key)) return;
    components.push(makeComponent(home, [layer, key, detail]));
  };
  // With a roadmap, every way a use case is sourced is drawn; without one, the organisation's approach.
  const used = new Set<string>(shape.useCases.length > 0 ? shape.useCases.map((u) => u.sourcing ?? '') : [shape.sourcing ?? '']);
  if (used.has('pre-built-apis')) add('applications', 'pre-built-apis', cloud ? 'vendor services' : 'external vendor services');
  if (used.has('foundation-model-apis')) add('platform', 'foundation-models', cloud ? 'prompting, RAG, fine-tuning' : 'self-hosted open models');
  if (used.has('industry-specific-solutions')) add('platform', 'industry-solutions', cloud ? "vendors' domain solutions" : "vendors' solutions, installed here");
  const platformKeys = new Set(['dev-environments', 'experiment-tracking', 'training-pipelines', 'model-registry', 'model-serving']);
  for (const c of components) {
    if (c.layer !== 'platform' || !platformKeys.has(c.key)) continue;
    if (shape.sourcing === 'managed-ml-platform' && (c.placement === 'cloud-a' || c.placement === 'cloud-b')) c.detail = c.detail ? `managed; ${c.detail}` : 'managed service';
    if (shape.sourcing === 'custom-platform' && c.placement !== 'edge') c.detail = c.detail ? `self-built; ${c.detail}` : 'self-built';
  }
}

/** The column a use case's application is drawn in: where it serves (a provider's API: the cloud, else on-premises). */
function useCaseColumn(u: StackUseCase, placements: readonly PlacementId[]): PlacementId {
  const want: PlacementId = u.serving === 'edge' ? 'edge' : u.serving === 'on-premises' ? 'on-premises' : 'cloud-a';
  if (placements.includes(want)) return want;
  return placements.includes('cloud-a') ? 'cloud-a' : placements.includes('on-premises') ? 'on-premises' : placements[0]!;
}

/** The component key of a use case's application: its id, so renames and moves stay with it whatever its position. */
export function useCaseComponentKey(id: string): string {
  return `uc-${id.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`.slice(0, 60);
}

/**
 * Each use case's component key, unique: ids that differ only in case or punctuation ("Fraud", "fraud", "f.raud")
 * map to the same key, so the later ones get "-2", "-3"… in roadmap order.
 */
function useCaseKeys(useCases: readonly StackUseCase[]): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Set<string>();
  for (const u of useCases) {
    const base = useCaseComponentKey(u.id);
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base.slice(0, 60 - String(n).length - 1)}-${n}`;
    taken.add(key);
    keys.set(u.id, key);
  }
  return keys;
}

/** The roadmap's use cases replace the generic applications: one box each, in the column where it serves. */
function applyUseCases(shape: StackShape, components: PlannedComponent[], placements: readonly PlacementId[], warnings: string[]): void {
  if (shape.useCases.length === 0) return;
  for (let i = components.length - 1; i >= 0; i--) {
    const c = components[i]!;
    if (c.layer === 'applications' && (c.key === 'business-apps' || c.key === 'edge-apps')) components.splice(i, 1);
  }
  const keys = useCaseKeys(shape.useCases);
  for (const u of shape.useCases) {
    const column = useCaseColumn(u, placements);
    const key = keys.get(u.id)!;
    const want: PlacementId | null = u.serving === 'edge' ? 'edge' : u.serving === 'on-premises' ? 'on-premises' : u.serving === 'cloud' ? 'cloud-a' : null;
    if (want !== null && want !== column) {
      warnings.push(`"${u.name}" serves ${u.serving === 'cloud' ? 'in the cloud' : u.serving === 'edge' ? 'at the edge' : 'on-premises'}, which the current decisions do not draw; it is shown in ${PLACEMENT_LABELS[column]}.`);
    }
    const how = u.mode === 'real-time' ? 'real-time' : u.mode === 'batch' ? 'batch' : null;
    // Served by a provider's API: "hosted" says it does not run on the stack drawn here.
    const source = u.serving === null ? (u.sourcingLabel ? `hosted ${u.sourcingLabel.charAt(0).toLowerCase()}${u.sourcingLabel.slice(1)}` : 'hosted by a provider') : u.sourcingLabel;
    const detail = [how, source].filter((x): x is string => x !== null).join(' · ') || null;
    components.push({ id: `${column}/applications/${key}`, key, layer: 'applications', placement: column, label: u.name, detail, icon: 'internet' });
  }
}

function makeComponent(placement: PlacementId, [layer, key, detail, label]: Spec): PlannedComponent {
  const entry = stackCatalogue()[layer].find((e) => e.key === key);
  return {
    id: `${placement}/${layer}/${key}`,
    key,
    layer,
    placement,
    label: label ?? entry?.label ?? key,
    detail: detail ?? null,
    icon: entry?.icon ?? iconFor(layer, key),
  };
}

function flowsFor(shape: StackShape, placements: readonly PlacementId[]): PlannedFlow[] {
  const flows: PlannedFlow[] = [];
  const add = (id: string, label: string, layer: LayerId, from: FlowEnd, to: FlowEnd): void => {
    flows.push({ id: `flow/${id}`, label, layer, from, to });
  };
  if (shape.edge) {
    const source: PlacementId = placements.includes('on-premises') ? 'on-premises' : 'cloud-a';
    add('model-sync-edge', `Approved models synced from the ${source === 'on-premises' ? 'on-premises' : 'cloud'} registry to edge serving`, 'platform', { placement: source, key: 'model-registry' }, { placement: 'edge', key: 'model-serving' });
  }
  if (shape.deployment === 'hybrid' && placements.includes('on-premises')) {
    add('training-data', 'De-identified training data exported to the cloud over the encrypted interconnect', 'storage', { placement: 'on-premises', key: 'object-storage' }, { placement: 'cloud-a', key: 'object-storage' });
    add('trained-models', 'Trained models returned to the on-premises registry', 'platform', { placement: 'cloud-a', key: 'training-pipelines' }, { placement: 'on-premises', key: 'model-registry' });
  }
  if (shape.multiCloud) {
    add('cross-cloud', 'Data and pipelines replicated between providers over an encrypted cross-cloud link', 'networking', { placement: 'cloud-a', key: 'interconnect' }, { placement: 'cloud-b', key: 'interconnect' });
  }
  return flows;
}

/** The application a serving path starts or ends at in a column: a use case served that way there (by the stack itself before a provider's API), else the generic one. */
function applicationKey(shape: StackShape, components: readonly PlannedComponent[], placement: PlacementId, mode: 'real-time' | 'batch', generic: string): string {
  const apps = components.filter((c) => c.layer === 'applications' && c.placement === placement);
  const keys = useCaseKeys(shape.useCases);
  const drawn = shape.useCases.filter((u) => u.mode === mode && apps.some((c) => c.key === keys.get(u.id)));
  // One the stack serves itself first: a provider's API does not pass through these endpoints.
  const byMode = drawn.find((u) => u.serving !== null) ?? drawn[0];
  if (byMode) return keys.get(byMode.id)!;
  return apps.find((c) => c.key === generic)?.key ?? apps[0]?.key ?? generic;
}

function servingPathsFor(shape: StackShape, answers: Answers, placements: readonly PlacementId[], components: readonly PlannedComponent[]): PlannedServingPath[] {
  const paths: PlannedServingPath[] = [];
  const mode = shape.inferenceMode;
  if (mode === 'real-time' || mode === 'both') {
    const placement: PlacementId = shape.edge ? 'edge' : placements.includes('on-premises') ? 'on-premises' : 'cloud-a';
    paths.push({
      id: 'real-time',
      label: 'Real-time serving path',
      placement,
      steps: [
        { label: 'Application request', layer: 'applications', key: applicationKey(shape, components, placement, 'real-time', placement === 'edge' ? 'edge-apps' : 'business-apps') },
        { label: 'Inference endpoint', layer: 'networking', key: 'inference-endpoints' },
        { label: 'Online model serving', layer: 'platform', key: 'model-serving' },
        { label: 'Online features', layer: 'storage', key: 'feature-store' },
      ],
    });
  }
  if (mode === 'batch' || mode === 'both') {
    const sensitive = stringAnswer(answers, 'dataSensitivity');
    // With a roadmap, the batch path runs where its batch use cases serve; without one, where sensitive data stays.
    const batchOnPrem = shape.useCases.some((u) => u.mode === 'batch' && u.serving === 'on-premises');
    const onPremBatch =
      shape.deployment === 'on-premises' ||
      (shape.deployment === 'hybrid' && (shape.useCases.length > 0 ? batchOnPrem : sensitive === 'confidential' || sensitive === 'regulated'));
    const placement: PlacementId = onPremBatch ? 'on-premises' : 'cloud-a';
    paths.push({
      id: 'batch',
      label: 'Batch serving path',
      placement,
      steps: [
        { label: 'Scheduled pipeline', layer: 'platform', key: placement === 'on-premises' && shape.deployment === 'hybrid' ? 'sensitive-data-processing' : 'training-pipelines' },
        { label: 'Batch scoring', layer: 'platform', key: 'model-serving' },
        { label: 'Predictions stored', layer: 'storage', key: 'object-storage' },
        { label: 'Applications and reports', layer: 'applications', key: applicationKey(shape, components, placement, 'batch', 'business-apps') },
      ],
    });
  }
  return paths;
}

/**
 * The lanes drawn for `units` business units when at most `max` fit side by side: one per unit, or the first ones
 * and a lane that stands for the rest ("+4 more business units"), or, when only one fits, one lane for them all.
 */
export function businessUnitLanes(units: number, hub: boolean, max: number = MAX_LANES): PlannedLane[] {
  const detail = hub ? 'spoke: own use cases' : 'own platform and models';
  if (units > 1 && max <= 1) return [{ id: 'lane/all', label: `${units} business units`, detail }];
  const shown = units > max ? max - 1 : units;
  const lanes: PlannedLane[] = [];
  for (let i = 1; i <= shown; i++) lanes.push({ id: `lane/bu-${i}`, label: `Business unit ${i}`, detail });
  if (units > shown) lanes.push({ id: 'lane/more', label: `+${units - shown} more business units`, detail: hub ? 'same spoke pattern' : 'same federated pattern' });
  return lanes;
}

function governanceFor(shape: StackShape, answers: Answers): PlannedGovernance | null {
  if (shape.infrastructureModel === 'centralized') return null;
  const answered = numberAnswer(answers, 'businessUnits');
  const units = answered !== null && answered >= 1 ? Math.floor(answered) : DEFAULT_LANES;
  const hub = shape.infrastructureModel === 'hub-and-spoke';
  const lanes = businessUnitLanes(units, hub);
  return {
    model: hub ? 'hub-and-spoke' : 'federated',
    title: hub ? 'Hub: central AI platform and governance' : 'Federated governance: shared standards and oversight',
    detail: hub
      ? 'Shared platform, model registry, standards, access policy and cost control, run by a central team'
      : 'Common policies, model review and reporting; each business unit runs its own AI platform and models',
    lanes,
    businessUnits: units,
  };
}

const RESIDENCY_ORDER = ['none', 'regional', 'in-country', 'sovereign'];

function residencyFor(shape: StackShape, answers: Answers, placements: readonly PlacementId[]): PlannedResidency | null {
  // With a roadmap, the strictest residency any use case asks for draws the boundary.
  const level =
    shape.useCases.length > 0
      ? shape.useCases.map((u) => u.dataResidency).reduce<string | null>((a, b) => (b !== null && RESIDENCY_ORDER.indexOf(b) > RESIDENCY_ORDER.indexOf(a ?? 'none') ? b : a), null)
      : stringAnswer(answers, 'dataResidency');
  if (level !== 'regional' && level !== 'in-country' && level !== 'sovereign') return null;
  const words = { regional: 'in the region', 'in-country': 'in the country', sovereign: 'under national jurisdiction and operation' }[level];
  // Columns are ordered so that the placements holding resident data are always contiguous.
  // Without a data centre (cloud, or a hybrid of the edge and the cloud), every column holds it.
  const dataCentre = shape.deployment !== 'cloud' && placements.includes('on-premises');
  const inside = placements.filter((p) => !dataCentre || p === 'on-premises' || p === 'edge');
  return { level, label: `Data residency boundary (${level}): regulated data stays ${words}`, placements: inside };
}

function securityFor(shape: StackShape, placements: readonly PlacementId[], residency: PlannedResidency | null, hasFlows: boolean): SecurityControl[] {
  const keys = residency ? 'keys held in the jurisdiction' : shape.deployment === 'cloud' || !placements.includes('on-premises') ? 'provider-managed or customer keys' : 'keys in your own HSM';
  return [
    { id: 'access-control', code: 'AC', label: 'Access control', detail: 'single sign-on, role-based access, least privilege on data and models', layers: ['applications', 'platform'] },
    { id: 'encryption-at-rest', code: 'ER', label: 'Encryption at rest', detail: `data, features, checkpoints and archive encrypted; ${keys}`, layers: ['storage'] },
    { id: 'encryption-in-transit', code: 'ET', label: 'Encryption in transit', detail: hasFlows ? 'TLS on every endpoint; every numbered flow crosses an encrypted link' : 'TLS on every endpoint and internal link', layers: ['networking'] },
    { id: 'network-isolation', code: 'NI', label: 'Network isolation', detail: 'training and experimentation kept on networks apart from production serving', layers: ['platform', 'compute'] },
    { id: 'monitoring', code: 'MO', label: 'Monitoring', detail: 'audit logs, model drift, data quality and anomaly alerts', layers: ['platform', 'networking'] },
  ];
}

/** Plans the stack from the resolved decisions, the answers and the use cases: placements, components, flows, paths, bands, controls. */
export function planStack(decisions: readonly ResolvedDecision[], answers: Answers, useCases: readonly StackUseCase[] = []): StackPlan {
  const warnings: string[] = [];
  const shape = stackShape(decisions, answers, warnings, useCases);
  const specs = placementSpecs(shape, answers);
  const placements = PLACEMENT_IDS.filter((p) => specs.some(([q]) => q === p));
  const components: PlannedComponent[] = [];
  for (const [placement, list] of specs) for (const spec of list) components.push(makeComponent(placement, spec));
  applySourcing(shape, components, placements);
  applyUseCases(shape, components, placements, warnings);
  const residency = residencyFor(shape, answers, placements);
  const flows = flowsFor(shape, placements);
  return {
    shape,
    placements,
    components,
    flows,
    servingPaths: servingPathsFor(shape, answers, placements, components),
    governance: governanceFor(shape, answers),
    residency,
    security: securityFor(shape, placements, residency, flows.length > 0),
    warnings,
  };
}
