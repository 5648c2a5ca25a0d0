import { useCallback, useMemo, useState } from 'react';
import { COMPONENT_LABEL_MAX, LAYER_IDS, LAYER_LABELS, PLACEMENT_LABELS, layoutStack, type LayerId, type PlacementId } from '../../../shared/diagram';
import { useDerived } from '../../stores/derived';
import { useAppPick, useAppStore } from '../../stores/context';
import { StackCanvas } from './StackCanvas';
import { withAdded, withHidden, withMove, withRemovedAdded, withRename } from './overrides-actions';
import { workshopStackInput } from '../../../shared/workshop';
import { Field, FieldError, OptionSelect, SubmitForm } from '../../components/form';
import { StepPage } from '../../components/StepPage';
import { DIAGRAM_EXPORT_FORMATS, DIAGRAM_EXPORTS, type DiagramExportFormat } from '../../../shared/contract';

type ExportFormat = DiagramExportFormat;
const EXPORT_OPTIONS = DIAGRAM_EXPORT_FORMATS.map((id) => ({ id, label: DIAGRAM_EXPORTS[id].label }));
const LAYER_OPTIONS = LAYER_IDS.map((id) => ({ id, label: LAYER_LABELS[id] }));

/** Step 7: the stack the decisions imply, editable (rename, move, hide, add) and exported in the formats teams use. */
export function StackStep() {
  const derived = useDerived();
  const { session, current: workshop, change } = useAppPick('session', 'current', 'change');
  const [selected, setSelected] = useState<string | null>(null);
  const input = useMemo(() => (derived && session && workshop ? workshopStackInput(workshop, session, derived.evaluation) : null), [derived, session, workshop]);
  // The page's layout lists the components for the editor; the canvas lays the same input out for its pane.
  const layout = useMemo(() => (input ? layoutStack(input) : null), [input]);
  const layoutFor = useCallback((width: number) => layoutStack(input!, { width }), [input]);
  if (!layout || !session || !workshop) return null;

  const component = layout.components.find((c) => c.id === selected) ?? null;
  const placements = layout.placements.map((p) => p.id);

  return (
    <StepPage
      titleId="stack-title"
      title="Stack"
      width="full"
      lede="The AI infrastructure the decisions imply, layer by layer and place by place. Edits are kept with the workshop and survive changes to the answers."
      aside={<DiagramExportForm />}
    >
      {layout.warnings.length > 0 && (
        <div className="callout callout-info" role="note">
          <ul>
            {layout.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="stack-layout">
        <StackCanvas layoutFor={layoutFor} selected={selected} onSelect={setSelected} />
        <aside className="card stack-editor" aria-labelledby="stack-editor-title">
          <h3 id="stack-editor-title">Components</h3>
          <div className="field">
            <label htmlFor="stack-component" className="field-label">
              Component
            </label>
            <select id="stack-component" value={selected ?? ''} onChange={(e) => setSelected(e.target.value || null)}>
              <option value="">Choose a component…</option>
              {LAYER_IDS.map((layer) => (
                <optgroup key={layer} label={LAYER_LABELS[layer]}>
                  {layout.components
                    .filter((c) => c.layer === layer)
                    .map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.label} · {PLACEMENT_LABELS[c.placement]}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          {component && (
            <ComponentEditor
              key={component.id}
              id={component.id}
              label={component.label}
              placement={component.placement}
              placements={placements}
              added={component.origin === 'added'}
              onRename={(label) => change((s) => withRename(s, component.id, label), { coalesceKey: `rename:${component.id}` })}
              onMove={(p) => change((s) => withMove(s, component.id, p))}
              onHide={() => {
                change((s) => withHidden(s, component.id, true));
                setSelected(null);
              }}
              onRemove={() => {
                change((s) => withRemovedAdded(s, component.id));
                setSelected(null);
              }}
            />
          )}
          {layout.hidden.length > 0 && (
            <>
              <h4>Hidden</h4>
              <ul className="plain-list">
                {layout.hidden.map((h) => (
                  <li key={h.id} className="hidden-item">
                    {h.label} <span className="muted small">· {PLACEMENT_LABELS[h.placement]}</span>
                    <button type="button" className="button button-small" onClick={() => change((s) => withHidden(s, h.id, false))} aria-label={`Show ${h.label} again`}>
                      Show
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          <AddComponentForm placements={placements} onAdd={(layer, placement, label) => {
            let id = '';
            change((s) => {
              const next = withAdded(s, layer, placement, label);
              id = next.id;
              return next.state;
            });
            setSelected(id);
          }} />
        </aside>
      </div>
    </StepPage>
  );
}

interface ComponentEditorProps {
  id: string;
  label: string;
  placement: PlacementId;
  placements: PlacementId[];
  added: boolean;
  onRename: (label: string | null) => void;
  onMove: (placement: PlacementId) => void;
  onHide: () => void;
  onRemove: () => void;
}

function ComponentEditor({ label, placement, placements, added, onRename, onMove, onHide, onRemove }: ComponentEditorProps) {
  const [text, setText] = useState(label);
  const error = text.trim() === '' ? 'Name is required.' : null;
  return (
    <div className="component-editor">
      <Field id="component-name" label="Name">
        <input
          id="component-name"
          value={text}
          maxLength={COMPONENT_LABEL_MAX}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'component-name-error' : undefined}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value.trim()) onRename(e.target.value.trim());
          }}
        />
        <FieldError id="component-name-error" message={error} />
      </Field>
      <Field id="component-placement" label="Runs in">
        <PlacementSelect id="component-placement" value={placement} placements={placements} onChange={onMove} />
      </Field>
      <div className="component-actions">
        {added ? (
          <button type="button" className="button" onClick={onRemove}>
            Remove component
          </button>
        ) : (
          <button type="button" className="button" onClick={onHide}>
            Hide component
          </button>
        )}
      </div>
    </div>
  );
}

function AddComponentForm({ placements, onAdd }: { placements: PlacementId[]; onAdd: (layer: LayerId, placement: PlacementId, label: string) => void }) {
  const [label, setLabel] = useState('');
  const [layer, setLayer] = useState<LayerId>('platform');
  const [placement, setPlacement] = useState<PlacementId>(placements[0] ?? 'on-premises');
  const [error, setError] = useState<string | null>(null);
  return (
    <SubmitForm
      className="add-component"
      onSubmit={() => {
        if (!label.trim()) return setError('Name is required to add a component.');
        setError(null);
        onAdd(layer, placements.includes(placement) ? placement : (placements[0] ?? placement), label.trim());
        setLabel('');
      }}
    >
      <h4>Add a component</h4>
      <Field id="add-component-name" label="Name">
        <input id="add-component-name" value={label} maxLength={COMPONENT_LABEL_MAX} placeholder="e.g. Vector database" onChange={(e) => setLabel(e.target.value)} aria-describedby={error ? 'add-component-error' : undefined} />
      </Field>
      <div className="field-row">
        <Field id="add-component-layer" label="Layer">
          <OptionSelect id="add-component-layer" value={layer} options={LAYER_OPTIONS} onChange={setLayer} />
        </Field>
        <Field id="add-component-placement" label="Runs in">
          <PlacementSelect id="add-component-placement" value={placement} placements={placements} onChange={setPlacement} />
        </Field>
      </div>
      <button type="submit" className="button">
        Add component
      </button>
      <FieldError id="add-component-error" message={error} />
    </SubmitForm>
  );
}

function PlacementSelect({ id, value, placements, onChange }: { id: string; value: PlacementId; placements: PlacementId[]; onChange: (p: PlacementId) => void }) {
  return (
    <OptionSelect id={id} value={value} options={placements.map((p) => ({ id: p, label: PLACEMENT_LABELS[p] }))} onChange={onChange} />
  );
}

/** Exports the stack as saved, in the formats teams use: SVG, PNG (at a scale, white or transparent), draw.io, Mermaid. */
function DiagramExportForm() {
  const exportDiagram = useAppStore((s) => s.exportDiagram);
  const [format, setFormat] = useState<ExportFormat>('svg');
  const [scale, setScale] = useState(2);
  const [transparent, setTransparent] = useState(false);
  const [exporting, setExporting] = useState(false);

  const runExport = async () => {
    setExporting(true);
    await exportDiagram({ format, scale, background: transparent ? 'transparent' : 'white' });
    setExporting(false);
  };

  return (
    <SubmitForm className="export-form" aria-label="Export the diagram" onSubmit={() => void runExport()}>
      <label className="inline-field">
        <span>Format</span>
        <OptionSelect value={format} options={EXPORT_OPTIONS} onChange={setFormat} />
      </label>
      {format === 'png' && (
        <>
          <label className="inline-field">
            <span>Scale</span>
            <select value={scale} onChange={(e) => setScale(Number(e.target.value))}>
              {[1, 2, 3, 4].map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={transparent} onChange={(e) => setTransparent(e.target.checked)} />
            Transparent
          </label>
        </>
      )}
      <button type="submit" className="button button-primary" disabled={exporting}>
        {exporting ? 'Exporting…' : 'Export'}
      </button>
    </SubmitForm>
  );
}
