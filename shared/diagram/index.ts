// The stack diagram: a pure layout model from the evaluation and the room's edits, and serializers from it.
export { FONT_FAMILY, measureText, type FontWeight } from './text-measure';
export { fitText, type FitSpec, type FittedText } from './fit-text';
export { LAYER_IDS, LAYER_LABELS, type LayerId } from './layers';
export { PLACEMENT_IDS, PLACEMENT_LABELS, PLACEMENT_DETAILS, type PlacementId } from './placements';
export { LAYER_COLOURS, PALETTE, type LayerColours } from './palette';
export {
  ADDED_COMPONENTS_MAX,
  AddedComponentSchema,
  COMPONENT_LABEL_MAX,
  DiagramOverridesSchema,
  emptyOverrides,
  parseDiagramOverrides,
  type AddedComponent,
  type DiagramOverrides,
  type OverridesIssue,
} from '../domain';
export { STACK_DECISION_IDS, resolveDecisions, type DecisionChoices, type DecisionSource, type ResolvedDecision, type StackDecisionId } from './resolve-decisions';
export {
  DEFAULT_LANES,
  EDGE_LATENCY_MS,
  MAX_LANES,
  planStack,
  stackShape,
  type ComponentIcon,
  type PlannedComponent,
  type PlannedFlow,
  type PlannedServingPath,
  type SecurityControl,
  type StackPlan,
  type StackShape,
} from './stack-plan';
export { applyOverrides, type EditedComponent, type EditedStack } from './apply-overrides';
export {
  STACK_LAYOUT_FORMAT,
  STACK_LAYOUT_VERSION,
  type BusinessUnitLane,
  type DataFlow,
  type GovernanceBand,
  type HiddenComponent,
  type LayerRow,
  type Legend,
  type LegendSwatch,
  type Panel,
  type PlacementColumn,
  type Point,
  type Rect,
  type ResidencyBoundary,
  type SecurityBadge,
  type ServingPath,
  type ServingStep,
  type StackCell,
  type StackComponent,
  type StackLayout,
  type TextBlock,
  type TitleBlock,
} from './stack-layout';
export { GEOMETRY, VIEW_GEOMETRY, componentBox, layoutStack, type StackLayoutInput, type StackLayoutOptions } from './layout-stack';
export { VIEW_TYPE } from './text-block';
export { printSvg, stackToSvg, stackToSvgTree, type SvgElement, type SvgOptions } from './svg-serializer';
export { stackToDrawio } from './drawio-serializer';
export { stackToMermaid } from './mermaid-serializer';
export { escapeXml } from './xml-escape';
