// The diagram's public surface plus a canonical JSON writer for golden files.
export * from '../../../../shared/diagram';
import { canonicalJson } from '../../../../shared/util';
import type { StackLayout } from '../../../../shared/diagram';

/** Layout JSON with sorted keys and two-space indentation, stable across runs. */
export function canonicalLayoutJson(layout: StackLayout): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(layout)), null, 2)}\n`;
}
