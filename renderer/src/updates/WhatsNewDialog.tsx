import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { Modal } from '../components/Modal';
import { noteBlocks, type NoteBlock } from './notes';
import './updates.css';

type WhatsNew = Output<'updates.whatsNew'>;

/**
 * After an update, the admin or a manager sees once what changed (from the CHANGELOG shipped with the
 * version). Closing the dialog marks it seen on this terminal; the notes are shown as text, never as HTML.
 */
export function WhatsNewDialog() {
  const { t } = useTranslation();
  const [whatsNew, setWhatsNew] = useState<WhatsNew | null>(null);

  useEffect(() => {
    let cancelled = false;
    void api.call('updates.whatsNew', {}).then((outcome) => {
      if (!cancelled && outcome.ok && outcome.result.notes.length > 0) setWhatsNew(outcome.result);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  if (!whatsNew) return null;
  const close = () => {
    setWhatsNew(null);
    void api.call('updates.notesSeen', { version: whatsNew.version });
  };
  return (
    <Modal title={t('updates.whatsNew.title', { version: whatsNew.version })} onClose={close} testId="whats-new" size="large">
      <p className="muted">{t('updates.whatsNew.intro')}</p>
      {whatsNew.notes.map((note) => (
        <section key={note.version} className="whats-new-version">
          <h3>{t('updates.whatsNew.versionHeading', { version: note.version })}</h3>
          <NoteText blocks={noteBlocks(note.notes)} />
        </section>
      ))}
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={close} data-autofocus data-testid="whats-new-close">
          {t('updates.whatsNew.close')}
        </button>
      </div>
    </Modal>
  );
}

/** Headings, paragraphs, and runs of bullets as one list each. */
function NoteText({ blocks }: { blocks: NoteBlock[] }) {
  const groups: (NoteBlock | NoteBlock[])[] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    if (block.kind === 'item' && Array.isArray(last)) last.push(block);
    else groups.push(block.kind === 'item' ? [block] : block);
  }
  return (
    <div className="whats-new-notes">
      {groups.map((group, i) =>
        Array.isArray(group) ? (
          <ul key={i}>
            {group.map((item, j) => (
              <li key={j}>{item.text}</li>
            ))}
          </ul>
        ) : group.kind === 'heading' ? (
          <h4 key={i}>{group.text}</h4>
        ) : (
          <p key={i}>{group.text}</p>
        ),
      )}
    </div>
  );
}
