import { useEffect, useRef, useState } from 'react';
import type { Workshop } from '../../../shared/domain';
import { formatDate, formatRelative } from '../../components/format';
import { useAppPick, useAppStore } from '../../stores/context';
import { FileButton } from '../../components/FileButton';
import { ErrorCallout } from '../../components/form';
import { RenameDialog } from './RenameDialog';

/** The workshop list: most recently changed first, with create, open, rename, archive and restore. */
export function HomeScreen() {
  const { workshops, listStatus, listError, listRefused, showArchived, loadWorkshops, setShowArchived, openDialog } = useAppPick('workshops', 'listStatus', 'listError', 'listRefused', 'showArchived', 'loadWorkshops', 'setShowArchived', 'openDialog');
  const [renaming, setRenaming] = useState<Workshop | null>(null);
  const openWorkshopFile = useAppStore((s) => s.openWorkshopFile);
  const listStatusAtMount = useRef(listStatus);

  const openFile = async (file: File) => openWorkshopFile(file.name, await file.text());

  // The app starts the first load before its first render; coming back to the list loads it again.
  useEffect(() => {
    if (listStatusAtMount.current !== 'loading') void loadWorkshops();
  }, [loadWorkshops]);

  const active = workshops.filter((w) => !w.archived);
  const archived = workshops.filter((w) => w.archived);

  return (
    <main className="home" aria-labelledby="home-title">
      <div className="home-head">
        <div>
          <h1 id="home-title">Workshops</h1>
          <p className="lede">Each workshop walks a room through five infrastructure decisions and keeps what they decided.</p>
        </div>
        {/* Refused by the host (a wrong token): offering to create or open would only fail again. */}
        {!listRefused && (
          <div className="home-actions">
            <FileButton label="Open workshop file…" inputLabel="Workshop file to open" onFile={(file) => void openFile(file)} />
            <button type="button" className="button button-primary" onClick={() => openDialog('create-workshop')}>
              New workshop
            </button>
          </div>
        )}
      </div>

      {/* Refused by the host, trying again would only be refused again. */}
      {listStatus === 'error' && <ErrorCallout message={listError} onRetry={listRefused ? undefined : () => void loadWorkshops()} />}

      {listStatus === 'ready' && active.length === 0 && (
        <div className="empty">
          <h2>No workshops yet</h2>
          <p>Create one to start: a title is enough, the rest can follow.</p>
          <button type="button" className="button button-primary" onClick={() => openDialog('create-workshop')}>
            New workshop
          </button>
        </div>
      )}

      {active.length > 0 && (
        <ul className="workshop-list" aria-label="Workshops">
          {active.map((w) => (
            <WorkshopRow key={w.id} workshop={w} onRename={() => setRenaming(w)} />
          ))}
        </ul>
      )}

      {!listRefused && (
        <div className="archived-toggle">
          <label className="checkbox">
            <input type="checkbox" checked={showArchived} onChange={(e) => void setShowArchived(e.target.checked)} />
            Show archived workshops
          </label>
        </div>
      )}
      {showArchived && (
        <section aria-labelledby="archived-title">
          <h2 id="archived-title" className="section-title">
            Archived
          </h2>
          {archived.length === 0 ? (
            <p className="muted">Nothing archived.</p>
          ) : (
            <ul className="workshop-list workshop-list-archived" aria-label="Archived workshops">
              {archived.map((w) => (
                <WorkshopRow key={w.id} workshop={w} onRename={() => setRenaming(w)} />
              ))}
            </ul>
          )}
        </section>
      )}
      {renaming && <RenameDialog workshop={renaming} onClose={() => setRenaming(null)} />}
    </main>
  );
}

function WorkshopRow({ workshop, onRename }: { workshop: Workshop; onRename: () => void }) {
  const { navigate, setArchived, showNotice } = useAppPick('navigate', 'setArchived', 'showNotice');
  const meta = [workshop.organisation, formatDate(workshop.date), workshop.facilitator && `facilitated by ${workshop.facilitator}`]
    .filter(Boolean)
    .join(' · ');

  const archive = async (archived: boolean) => {
    const done = await setArchived(workshop.id, archived);
    if (!done) return;
    showNotice({
      message: archived ? `Archived “${workshop.title}”.` : `Restored “${workshop.title}”.`,
      tone: 'info',
      action: { label: 'Undo', run: () => void setArchived(workshop.id, !archived) },
    });
  };

  return (
    <li className="workshop-row">
      <div className="workshop-main">
        {workshop.archived ? (
          <span className="workshop-title">{workshop.title}</span>
        ) : (
          <a
            className="workshop-title"
            href={`#/workshops/${workshop.id}/setup`}
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'workshop', id: workshop.id, step: 'setup' });
            }}
          >
            {workshop.title}
          </a>
        )}
        <span className="workshop-meta">{meta}</span>
      </div>
      <span className="workshop-updated">Updated {formatRelative(workshop.updatedAt)}</span>
      <div className="workshop-actions">
        <button type="button" className="button button-small" onClick={onRename} aria-label={`Rename ${workshop.title}`}>
          Rename
        </button>
        {workshop.archived ? (
          <button type="button" className="button button-small" onClick={() => void archive(false)} aria-label={`Restore ${workshop.title}`}>
            Restore
          </button>
        ) : (
          <button type="button" className="button button-small" onClick={() => void archive(true)} aria-label={`Archive ${workshop.title}`}>
            Archive
          </button>
        )}
      </div>
    </li>
  );
}
