import { useEffect, useMemo, useRef } from 'react';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import { stackToSvg, type StackLayout } from '../../../shared/diagram';

interface StackCanvasProps {
  layout: StackLayout;
  selected: string | null;
  onSelect: (componentId: string) => void;
}

/**
 * Shows exactly the SVG the export writes (one drawing code path), with d3-zoom for zoom and pan.
 * A click on a component selects it for editing; the side panel offers the same by keyboard.
 */
export function StackCanvas({ layout, selected, onSelect }: StackCanvasProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const behaviour = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);
  const markup = useMemo(() => stackToSvg(layout, { background: 'white' }), [layout]);

  useEffect(() => {
    const el = viewport.current;
    const inner = content.current;
    if (!el || !inner) return;
    let touched = false;
    const z = zoom<HTMLDivElement, unknown>()
      .scaleExtent([0.25, 4])
      .filter((event: Event) => (event.type === 'wheel' ? (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey : !(event as MouseEvent).button))
      .on('zoom', (event: { transform: { x: number; y: number; k: number }; sourceEvent: unknown }) => {
        // Once the person zooms or pans, window resizes no longer re-fit the drawing.
        if (event.sourceEvent) touched = true;
        const t = event.transform;
        inner.style.transform = `translate(${t.x}px, ${t.y}px) scale(${t.k})`;
      });
    behaviour.current = z;
    const sel = select(el);
    sel.call(z);
    // Fit the page's width on first show, and again when the window is resized (until the person zooms).
    const fit = () => sel.call(z.transform, zoomIdentity.scale(Math.min(1, el.clientWidth / layout.width)));
    fit();
    const observer = new ResizeObserver(() => {
      if (!touched) fit();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      sel.on('.zoom', null);
    };
  }, [layout.width]);

  useEffect(() => {
    const inner = content.current;
    if (!inner) return;
    inner.querySelectorAll('.component-selected').forEach((el) => el.classList.remove('component-selected'));
    if (selected) inner.querySelector(`[id="component:${CSS.escape(selected)}"]`)?.classList.add('component-selected');
  }, [selected, markup]);

  const zoomBy = (factor: number) => {
    if (viewport.current && behaviour.current) select(viewport.current).call(behaviour.current.scaleBy, factor);
  };
  const reset = () => {
    const el = viewport.current;
    if (el && behaviour.current) select(el).call(behaviour.current.transform, zoomIdentity.scale(Math.min(1, el.clientWidth / layout.width)));
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
        <button type="button" className="button button-small" onClick={reset}>
          Fit
        </button>
        <span className="muted small">Drag to pan · Ctrl + wheel to zoom · click a component to edit it</span>
      </div>
      <div
        ref={viewport}
        className="canvas-viewport"
        onClick={(e) => {
          const group = (e.target as Element).closest('g[id^="component:"]');
          if (group) onSelect(group.id.slice('component:'.length));
        }}
      >
        <div ref={content} className="canvas-content" dangerouslySetInnerHTML={{ __html: markup }} />
      </div>
    </div>
  );
}
