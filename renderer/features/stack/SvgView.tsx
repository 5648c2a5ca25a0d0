import { createElement, type ReactNode } from 'react';
import type { SvgElement } from '../../../shared/diagram';

/** An SVG attribute as React names it: `stroke-width` is `strokeWidth`; `aria-*` and `data-*` keep their hyphens. */
function propName(attribute: string): string {
  return attribute.startsWith('aria-') || attribute.startsWith('data-') ? attribute : attribute.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Extra props for an element (a class for the selected component), by the element as drawn. */
export type Decorate = (element: SvgElement) => Record<string, unknown> | undefined;

function render(node: SvgElement | string | readonly SvgElement[], key: number, decorate: Decorate | undefined): ReactNode {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map((child, i) => render(child, i, decorate));
  const element = node as SvgElement;
  const props: Record<string, unknown> = { key };
  for (const [name, value] of Object.entries(element.attrs)) props[propName(name)] = value;
  Object.assign(props, decorate?.(element));
  return createElement(element.tag, props, ...element.children.map((child, i) => render(child, i, decorate)));
}

/** The drawing's elements (stackToSvgTree, the same the SVG file is written from) rendered by React. */
export function SvgView({ tree, decorate }: { tree: SvgElement; decorate?: Decorate }) {
  return <>{render(tree, 0, decorate)}</>;
}
