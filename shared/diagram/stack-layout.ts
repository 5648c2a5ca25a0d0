import type { FontWeight } from './text-measure';
import type { LayerId } from './layers';
import type { PlacementId } from './placements';
import type { ResolvedDecision } from './resolve-decisions';
import type { ComponentIcon, SecurityControl, StackShape } from './stack-plan';

export const STACK_LAYOUT_FORMAT = 'stratum.stack-layout';
export const STACK_LAYOUT_VERSION = 1;

/** An axis-aligned box in diagram pixels (origin top left). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Text already measured and broken into lines; `y` is the first line's baseline. */
export interface TextBlock {
  lines: string[];
  x: number;
  y: number;
  fontSize: number;
  lineHeight: number;
  weight: FontWeight;
  anchor: 'start' | 'middle';
  colour: string;
  /** The whole text before wrapping or truncation. */
  full: string;
  truncated: boolean;
  /** The box the text was fitted to; every line is at most this wide. */
  bounds: Rect;
}

/** A component drawn in a cell. */
export interface StackComponent {
  /** Stable id: `<home placement>/<layer>/<key>` for generated ones, `custom/<id>` for added ones. */
  id: string;
  key: string;
  layer: LayerId;
  placement: PlacementId;
  /** Where the decisions put it (null for a component the room added). */
  homePlacement: PlacementId | null;
  label: string;
  detail: string | null;
  icon: ComponentIcon;
  origin: 'generated' | 'added';
  renamed: boolean;
  moved: boolean;
  box: Rect;
  text: TextBlock[];
}

/** A component the room hid: kept so it can be shown again. */
export interface HiddenComponent {
  id: string;
  layer: LayerId;
  placement: PlacementId;
  label: string;
}

/** A column: a placement's container, heading and the cells under it. */
export interface PlacementColumn {
  id: PlacementId;
  label: string;
  detail: string;
  box: Rect;
  header: Rect;
  text: TextBlock[];
}

/** A row: a layer's band across every column, its label and the security badges on it. */
export interface LayerRow {
  id: LayerId;
  label: string;
  box: Rect;
  labelBox: Rect;
  text: TextBlock[];
}

/** The intersection of a placement and a layer; components sit inside it. */
export interface StackCell {
  id: string;
  placement: PlacementId;
  layer: LayerId;
  box: Rect;
}

/** A data flow between neighbouring placements, numbered for the flow list. */
export interface DataFlow {
  id: string;
  number: number;
  label: string;
  layer: LayerId;
  from: { placement: PlacementId; component: string | null };
  to: { placement: PlacementId; component: string | null };
  points: [Point, Point];
  marker: { x: number; y: number; r: number; text: TextBlock };
}

/** One step box of a serving path, tied to the component that performs it when it is drawn. */
export interface ServingStep {
  id: string;
  label: string;
  component: string | null;
  box: Rect;
  text: TextBlock[];
}

/** The real-time or batch path, drawn as a chain of steps with arrows. */
export interface ServingPath {
  id: 'real-time' | 'batch';
  label: string;
  placement: PlacementId;
  box: Rect;
  text: TextBlock[];
  steps: ServingStep[];
  arrows: Array<{ from: string; to: string; points: [Point, Point] }>;
}

/** A business-unit lane under the governance band. */
export interface BusinessUnitLane {
  id: string;
  label: string;
  box: Rect;
  text: TextBlock[];
  /** The link up to the band (hub-and-spoke: solid; federated: dashed). */
  link: [Point, Point];
}

/** The central platform and governance band with business-unit lanes. */
export interface GovernanceBand {
  model: 'hub-and-spoke' | 'federated';
  title: string;
  detail: string;
  businessUnits: number;
  box: Rect;
  text: TextBlock[];
  lanes: BusinessUnitLane[];
}

/** The dashed boundary around the placements that hold resident data. */
export interface ResidencyBoundary {
  level: 'regional' | 'in-country' | 'sovereign';
  label: string;
  placements: PlacementId[];
  box: Rect;
  text: TextBlock[];
}

/** A security control's badge on a layer row. */
export interface SecurityBadge {
  id: string;
  control: SecurityControl['id'];
  code: string;
  layer: LayerId;
  box: Rect;
  text: TextBlock;
}

/** A titled box of text items (the flow list, the security controls). */
export interface Panel {
  id: 'flows' | 'security';
  title: string;
  box: Rect;
  text: TextBlock[];
  items: Array<{ id: string; marker: { kind: 'number' | 'badge'; box: Rect; text: TextBlock }; text: TextBlock }>;
}

export type LegendSwatch =
  | { kind: 'layer'; layer: LayerId }
  | { kind: 'edited' }
  | { kind: 'flow' }
  | { kind: 'residency' }
  | { kind: 'badge' }
  | { kind: 'governance' }
  | { kind: 'lane' }
  | { kind: 'step' };

/** What each mark means. */
export interface Legend {
  box: Rect;
  text: TextBlock[];
  items: Array<{ id: string; swatch: LegendSwatch; swatchBox: Rect; text: TextBlock }>;
}

/** Workshop, date, pack and the decisions drawn. */
export interface TitleBlock {
  workshop: string;
  date: string | null;
  /** sha256: the pack's fingerprint, when the drawing was given it. */
  pack: { id: string; version: string; sha256: string | null };
  box: Rect;
  text: TextBlock[];
}

/** The stack diagram as plain data: every box placed, every text measured; serializers only draw it. */
export interface StackLayout {
  format: typeof STACK_LAYOUT_FORMAT;
  version: typeof STACK_LAYOUT_VERSION;
  width: number;
  height: number;
  fontFamily: string;
  shape: StackShape;
  decisions: ResolvedDecision[];
  title: TitleBlock;
  placements: PlacementColumn[];
  layers: LayerRow[];
  cells: StackCell[];
  components: StackComponent[];
  hidden: HiddenComponent[];
  flows: DataFlow[];
  servingPaths: ServingPath[];
  governance: GovernanceBand | null;
  residency: ResidencyBoundary | null;
  security: SecurityControl[];
  badges: SecurityBadge[];
  panels: Panel[];
  legend: Legend;
  /** Overrides or choices that could not be applied, in words for a person. */
  warnings: string[];
}
