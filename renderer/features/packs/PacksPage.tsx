import { useEffect, useRef, useState } from 'react';
import type { PackComparison, PackSummary } from '../../../shared/contract';
import { PACK_IMPORT_MAX_CHARS } from '../../../shared/contract/pack-limits';
// The leaf module, not the engine's index: the list's first load stays free of the engine.
import { riskWhere, thresholdWords } from '../../../shared/engine/pack-changes';
import { FileButton } from '../../components/FileButton';
import { formatDate } from '../../components/format';
import { ErrorCallout } from '../../components/form';
import { useAppPick } from '../../stores/context';


/** One kind of change, as a titled list; nothing when there is none. */
function ChangeList({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <section className="pack-change">
      <h4>
        {title} <span className="tag">{items.length}</span>
      </h4>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

/** What a team's pack changes against the built-in one, kind by kind, in the words a pack author uses. */
function Changes({ changes }: { changes: PackComparison }) {
  const c = changes;
  if (c.same) return <p>It evaluates alike: it differs from {c.base.title} at most in wording, typical use cases, question groups or expectations.</p>;
  return (
    <div className="pack-changes">
      <ChangeList title="Rules added" items={c.rules.added.map((r) => `${r.id}: ${r.label}`)} />
      <ChangeList title="Rules removed" items={c.rules.removed.map((r) => `${r.id}: ${r.label}`)} />
      <ChangeList
        title="Rules changed"
        items={c.rules.changed.map((r) => {
          const moved = r.thresholds.map(thresholdWords);
          return `${r.id}: ${r.parts.join(', ')}${moved.length > 0 ? ` (${moved.join('; ')})` : ''}`;
        })}
      />
      <ChangeList title="Exclusions added" items={c.exclusions.added.map((x) => `${x.decision}: ${x.option} — ${x.reason}`)} />
      <ChangeList title="Exclusions removed" items={c.exclusions.removed.map((x) => `${x.decision}: ${x.option} — ${x.reason}`)} />
      <ChangeList title="Risks added" items={c.risks.added.map((x) => `${riskWhere(x)}: ${x.message}`)} />
      <ChangeList title="Risks removed" items={c.risks.removed.map((x) => `${riskWhere(x)}: ${x.message}`)} />
      <ChangeList title="Default weights" items={c.criteria.weights.map((w) => `${w.label}: ${w.from} → ${w.to}`)} />
      <ChangeList title="Baseline scores" items={c.baselines.map((b) => `${b.decision}: ${b.option} on ${b.criterion}: ${b.from ?? 'none'} → ${b.to ?? 'none'}`)} />
      <ChangeList title="Decisions added" items={c.decisions.added.map((d) => d.label)} />
      <ChangeList title="Decisions removed" items={c.decisions.removed.map((d) => d.label)} />
      <ChangeList title="Decisions changed" items={c.decisions.changed.map((d) => `${d.label}: ${d.parts.join(', ')}`)} />
      <ChangeList title="Options added" items={c.options.flatMap((o) => o.added.map((x) => `${o.decision}: ${x.label}`))} />
      <ChangeList title="Options removed" items={c.options.flatMap((o) => o.removed.map((x) => `${o.decision}: ${x.label}`))} />
      <ChangeList title="Questions added" items={c.factors.added.map((f) => f.label)} />
      <ChangeList title="Questions removed" items={c.factors.removed.map((f) => f.label)} />
      <ChangeList title="Questions changed" items={c.factors.changed.map((f) => `${f.label}: ${f.parts.join(', ')}`)} />
      <ChangeList title="Criteria added" items={c.criteria.added.map((x) => x.label)} />
      <ChangeList title="Criteria removed" items={c.criteria.removed.map((x) => x.label)} />
      <ChangeList title="Consistency checks added" items={c.checks.added.map((x) => x.label)} />
      <ChangeList title="Consistency checks removed" items={c.checks.removed.map((x) => x.label)} />
      <ChangeList title="Consistency checks changed" items={c.checks.changed.map((x) => `${x.label}: ${x.parts.join(', ')}`)} />
      {c.unlisted && <p className="muted">It also differs in a part the engine reads that is not itemised here (such as an option’s baseline rationale).</p>}
    </div>
  );
}

function PackRow({ pack, onRemoved }: { pack: PackSummary; onRemoved: () => void }) {
  const { comparison, compareError, comparePack, removePack, showNotice } = useAppPick('comparison', 'compareError', 'comparePack', 'removePack', 'showNotice');
  const [confirming, setConfirming] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  const ref = { id: pack.id, version: pack.version };
  const isThis = (r: { id: string; version: string }) => r.id === pack.id && r.version === pack.version;
  const shown = comparison && isThis(comparison.ref) ? comparison.changes : null;
  const failed = compareError && isThis(compareError.ref) ? compareError.message : null;
  const changesId = `pack-changes-${pack.id}-${pack.version}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const name = `${pack.title} ${pack.version}`;
  const remove = async () => {
    const result = await removePack(ref);
    showNotice(result.ok ? { message: `Removed ${name}.`, tone: 'info' } : { message: result.message, tone: 'error' });
    if (result.ok) onRemoved();
    else keep();
  };
  // Focus goes back to Remove when the room keeps the pack, as it came from there.
  const keep = () => {
    setConfirming(false);
    requestAnimationFrame(() => removeButton.current?.focus());
  };
  return (
    <li className="pack-row">
      <div className="pack-main">
        <span className="pack-title">
          {pack.title}
          {pack.builtIn && <span className="tag">Built in</span>}
        </span>
        <span className="pack-meta">
          {pack.id} {pack.version}
          {pack.author ? ` · by ${pack.author}` : ''} · {pack.rules} rules · {pack.decisions} decisions
          {pack.fileName && pack.importedAt ? ` · imported from ${pack.fileName} on ${formatDate(pack.importedAt.slice(0, 10))}` : ''}
          {` · ${pack.usedBy === 0 ? 'no workshop uses it' : pack.usedBy === 1 ? 'used by 1 workshop' : `used by ${pack.usedBy} workshops`}`}
        </span>
        <p className="pack-description">{pack.description}</p>
      </div>
      {!pack.builtIn && (
        <div className="pack-actions">
          <button type="button" className="button button-small" aria-expanded={shown !== null} aria-controls={changesId} onClick={() => void comparePack(shown ? null : ref)}>
            {shown ? 'Hide changes' : 'What it changes'}
          </button>
          {confirming ? (
            <span
              className="pack-confirm"
              role="group"
              aria-label={`Remove ${name}?`}
              onKeyDown={(e) => {
                if (e.key === 'Escape') keep();
              }}
            >
              <span>Remove it?</span>
              <button type="button" className="button button-small button-danger" onClick={() => void remove()}>
                Remove
              </button>
              {/* Keep is the safe answer, so it has the focus when the question appears. */}
              <button type="button" className="button button-small" autoFocus onClick={keep}>
                Keep
              </button>
            </span>
          ) : pack.usedBy > 0 ? (
            // A pack in use stays: its workshops evaluate with it. The button says why rather than vanishing.
            <button
              ref={removeButton}
              type="button"
              className="button button-small"
              aria-label={`Remove ${name}`}
              aria-disabled="true"
              title="Workshops use this pack: move them to another version first"
              onClick={() =>
                showNotice({
                  message: `${name} cannot be removed: ${pack.usedBy === 1 ? 'a workshop evaluates' : `${pack.usedBy} workshops evaluate`} with it. Move ${pack.usedBy === 1 ? 'it' : 'them'} to another version of the pack first (on its Setup step).`,
                  tone: 'error',
                })
              }
            >
              Remove
            </button>
          ) : (
            <button ref={removeButton} type="button" className="button button-small" aria-label={`Remove ${name}`} onClick={() => setConfirming(true)}>
              Remove
            </button>
          )}
        </div>
      )}
      {failed && (
        <p className="pack-changes-panel callout callout-error" role="alert">
          {failed}
        </p>
      )}
      {shown && (
        <div id={changesId} className="pack-changes-panel" role="region" aria-label={`What ${name} changes against ${shown.base.title}`}>
          <Changes changes={shown} />
        </div>
      )}
    </li>
  );
}

/** The rule pack library: the built-in pack, the team's own, importing one and seeing what it changes. */
export function PacksPage() {
  const { packs, packsStatus: status, packsError: error, loadPacks, importPack, comparePack, importing, showNotice } = useAppPick('packs', 'packsStatus', 'packsError', 'loadPacks', 'importPack', 'comparePack', 'importing', 'showNotice');
  const heading = useRef<HTMLHeadingElement>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    void loadPacks();
  }, [loadPacks]);

  const openFile = async (file: File) => {
    // A pack file holds at most PACK_IMPORT_MAX_CHARS characters; one of more than four bytes each cannot, so a
    // file that large is refused before it is read into memory.
    const tooLarge = `a rule pack file holds at most ${PACK_IMPORT_MAX_CHARS / 1000} thousand characters. Nothing was imported.`;
    if (file.size > PACK_IMPORT_MAX_CHARS * 4) {
      setRefusal(`${file.name} is ${Math.round(file.size / 1_000_000).toLocaleString('en')} MB: ${tooLarge}`);
      return;
    }
    const text = await file.text();
    if (text.length > PACK_IMPORT_MAX_CHARS) {
      setRefusal(`${file.name} holds ${Math.round(text.length / 1000).toLocaleString('en')} thousand characters: ${tooLarge}`);
      return;
    }
    const result = await importPack(file.name, text);
    if (!result.ok) {
      setRefusal(result.message);
      return;
    }
    setRefusal(null);
    const { pack, outcome } = result.imported;
    showNotice({ message: outcome === 'new' ? `Imported ${pack.title} ${pack.version}.` : `${pack.title} ${pack.version} is already here, exactly as in this file.`, tone: 'info' });
    if (outcome === 'new') void comparePack({ id: pack.id, version: pack.version });
  };

  return (
    <main className="home packs" aria-labelledby="packs-title">
      <div className="home-head">
        <div>
          <h1 id="packs-title" ref={heading} tabIndex={-1}>
            Rule packs
          </h1>
          <p className="lede">
            A rule pack holds the questions, options, rules, risks and weights Stratum decides with. Import your team’s own to keep it here and see what it
            changes against the built-in one. A new workshop chooses its pack, and moves to a newer version of it on its Setup step.
          </p>
        </div>
        <div className="home-actions">
          <FileButton label="Import pack file…" busyLabel="Importing…" busy={importing} inputLabel="Rule pack file to import" className="button button-primary" onFile={(file) => void openFile(file)} />
        </div>
      </div>

      {refusal && (
        <div className="callout callout-error pack-refusal" role="alert">
          <div>
            {refusal.split('\n').map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </div>
          <button type="button" className="button button-small" onClick={() => setRefusal(null)}>
            Dismiss
          </button>
        </div>
      )}
      {status === 'error' && <ErrorCallout message={error} onRetry={() => void loadPacks()} />}
      {packs.length > 0 && (
        <ul className="workshop-list pack-list" aria-label="Rule packs">
          {packs.map((p) => (
            <PackRow key={`${p.id}@${p.version}`} pack={p} onRemoved={() => heading.current?.focus()} />
          ))}
        </ul>
      )}
      <p className="muted small packs-cli">
        Check a pack before importing it with <code>stratum pack validate FILE</code>; <code>stratum pack compare FILE</code> prints the same changes.
      </p>
    </main>
  );
}
