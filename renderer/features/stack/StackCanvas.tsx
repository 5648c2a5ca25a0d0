import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3-zoom';
import { stackToSvgTree, type StackLayout, type SvgElement } from '../../../shared/diagram';
import { useAppStore } from '../../stores/context';
import { SvgView } from './SvgView';
import { MIN_LABEL_PX, ZOOM_EXTENT, fitZoom, viewLayoutWidth } from './view-scale';

/** How far one arrow key moves the drawing, in screen pixels. */
const KEY_STEP_PX = 60;

interface StackCanvasProps {
  /** The drawing laid out for a screen this many diagram pixels wide. */
  layoutFor: (width: number) => StackLayout;
  selected: string | null;
  onSelect: (componentId: string) => void;
}

/**
 * Shows the stack as React renders the elements the SVG export is written from, laid out for the pane: at Fit its labels are at least
 * MIN_LABEL_PX on screen (larger in presenter mode), placements going one under the other when the pane is narrow.
 * d3-zoom zooms and pans. A click on a component selects it for editing; the side panel offers the same by keyboard.
 */
export function StackCanvas({ layoutFor, selected, onSelect }: StackCanvasProps) {
  const presenter = useAppStore((s) => s.presenter);
  const minLabel = presenter ? MIN_LABEL_PX.presenter : MIN_LABEL_PX.normal;
  const viewport = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const behaviour = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);
  // Once the person zooms or pans, resizes no longer lay out and fit the drawing again (until Fit).
  const touched = useRef(false);
  // The pane's width the drawing is laid out for; null until measured.
  const [pane, setPane] = useState<number | null>(null);
  const [fitRequest, setFitRequest] = useState(0);
  const viewWidth = pane === null ? null : viewLayoutWidth(pane, minLabel);
  const layout = useMemo(() => (viewWidth === null ? null : layoutFor(viewWidth)), [layoutFor, viewWidth]);
  const tree = useMemo(() => (layout ? stackToSvgTree(layout, { background: 'white' }) : null), [layout]);

  useLayoutEffect(() => {
    const el = viewport.current;
    const inner = content.current;
    if (!el || !inner) return;
    const z = zoom<HTMLDivElement, unknown>()
      .scaleExtent(ZOOM_EXTENT)
      .filter((event: Event) => (event.type === 'wheel' ? (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey : !(event as MouseEvent).button))
      .on('zoom', (event: { transform: { x: number; y: number; k: number }; sourceEvent: unknown }) => {
        if (event.sourceEvent) touched.current = true;
        const t = event.transform;
        inner.style.transform = `translate(${t.x}px, ${t.y}px) scale(${t.k})`;
      });
    behaviour.current = z;
    const sel = select(el);
    sel.call(z);
    const detach = attachPanning(el, inner, z, touched);
    const observer = new ResizeObserver(() => {
      if (!touched.current) setPane(el.clientWidth);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      detach();
      sel.on('.zoom', null);
    };
  }, []);

  // Entering or leaving presenter mode lays the drawing out and fits it again.
  useLayoutEffect(() => {
    touched.current = false;
    if (viewport.current) setPane(viewport.current.clientWidth);
  }, [minLabel]);

  // Fit the drawing's width to the pane: on first show, when the pane is resized (until the person zooms), on Fit.
  const layoutWidth = layout?.width ?? null;
  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el || !behaviour.current || layoutWidth === null || touched.current) return;
    select(el).call(behaviour.current.transform, zoomIdentity.scale(fitZoom(el.clientWidth, layoutWidth)));
  }, [layoutWidth, pane, fitRequest]);

  const zoomBy = (factor: number) => {
    if (!viewport.current || !behaviour.current) return;
    touched.current = true;
    select(viewport.current).call(behaviour.current.scaleBy, factor);
  };
  const fit = () => {
    if (!viewport.current) return;
    touched.current = false;
    setPane(viewport.current.clientWidth);
    setFitRequest((n) => n + 1);
  };

  return (
    <div className="stack-canvas">
      <div className="canvas-tools" role="group" aria-label="Zoom">
        <button type="button" className="button button-small" onClick={() => zoomBy(1.25)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="button button-small" onClick={() => zoomBy(0.8)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="button button-small" onClick={fit}>
          Fit
        </button>
        <span className="muted small">
          {presenter ? 'Wheel, drag or arrow keys to move · Ctrl + wheel to zoom' : 'Wheel, drag or arrow keys to move · Ctrl + wheel to zoom · click a component to edit it'}
        </span>
      </div>
      <div
        ref={viewport}
        className="canvas-viewport"
        // Focusable, so a keyboard reaches every part of a drawing taller than the pane.
        tabIndex={0}
        role="region"
        aria-label="Stack diagram: arrow keys, Page Up and Page Down move it"
        onClick={(e) => {
          const group = (e.target as Element).closest('g[id^="component:"]');
          if (group) onSelect(group.id.slice('component:'.length));
        }}
      >
        <div ref={content} className="canvas-content">
          {tree && <SvgView tree={tree} decorate={(e) => decorate(e, selected)} />}
        </div>
      </div>
    </div>
  );
}

/**
 * The wheel and the keyboard move the drawing within its edges (a drawing taller than the pane at Fit is scrolled,
 * and at its end the page scrolls on); returns what takes them off again.
 */
function attachPanning(el: HTMLDivElement, inner: HTMLDivElement, z: ZoomBehavior<HTMLDivElement, unknown>, touched: { current: boolean }): () => void {
  const sel = select(el);
  // Moves the drawing by (dx, dy) pixels within its edges; false when it is already at the edge that way.
  const moveBy = (dx: number, dy: number): boolean => {
    const t = zoomTransform(el);
    const within = (v: number, size: number, room: number) => Math.min(0, Math.max(Math.min(0, room - size * t.k), v));
    const x = within(t.x - dx, inner.offsetWidth, el.clientWidth);
    const y = within(t.y - dy, inner.offsetHeight, el.clientHeight);
    if (Math.abs(x - t.x) < 0.5 && Math.abs(y - t.y) < 0.5) return false;
    touched.current = true;
    sel.call(z.transform, zoomIdentity.translate(x, y).scale(t.k));
    return true;
  };
  // The wheel alone scrolls the drawing (it is taller than the pane at Fit); at its end, the page scrolls on.
  const onWheel = (event: WheelEvent) => {
    if (event.ctrlKey || event.metaKey) return;
    const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? el.clientHeight : 1;
    if (moveBy(event.deltaX * unit, event.deltaY * unit)) event.preventDefault();
  };
  // The keyboard moves it too: arrows a step, Page Up and Page Down a screen, Home and End to its top and bottom.
  const onKey = (event: KeyboardEvent) => {
    const page = el.clientHeight * 0.9;
    const far = inner.offsetHeight * zoomTransform(el).k;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [0, -KEY_STEP_PX],
      ArrowDown: [0, KEY_STEP_PX],
      ArrowLeft: [-KEY_STEP_PX, 0],
      ArrowRight: [KEY_STEP_PX, 0],
      PageUp: [0, -page],
      PageDown: [0, page],
      Home: [0, -far],
      End: [0, far],
    };
    const move = moves[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    // Handled here, at the edge too: the arrow keys are not also the workshop's step keys while the drawing has focus.
    event.preventDefault();
    event.stopPropagation();
    moveBy(move[0], move[1]);
  };
  el.addEventListener('wheel', onWheel, { passive: false });
  el.addEventListener('keydown', onKey);
  return () => {
    el.removeEventListener('wheel', onWheel);
    el.removeEventListener('keydown', onKey);
  };
}

/**
 * What the page adds to the drawing's elements: the selected component marked; and the drawing's title an id of its
 * own, since the step's heading already has the file's `stack-title`, which would make the drawing read as "Stack".
 */
function decorate(e: SvgElement, selected: string | null): Record<string, unknown> | undefined {
  if (e.tag === 'svg') return { 'aria-labelledby': 'stack-canvas-title' };
  if (e.tag === 'title' && e.attrs.id === 'stack-title') return { id: 'stack-canvas-title' };
  if (selected !== null && e.tag === 'g' && e.attrs.id === `component:${selected}`) return { className: 'component-selected' };
  return undefined;
}
