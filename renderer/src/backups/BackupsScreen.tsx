import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField, type Output } from '../api';
import { Field, FormError } from '../components/Field';
import { Modal } from '../components/Modal';
import { TableMessage } from '../components/TableMessage';
import { downloadBlob } from '../feedback/download';
import { currentLocale, formatDateTime } from '../format';
import { useSession } from '../session';
import '../sync/sync.css';

type Listing = Output<'backups.list'>;
export type Backup = Listing['backups'][number];

/** "12,3 MB": sizes as people compare them. */
function megabytes(bytes: number): string {
  return new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

const percentOf = (done: number, total: number) => (total > 0 ? Math.floor((done * 100) / total) : 0);

/** base64 → bytes, for the pieces `backups.download` sends. */
function decodeBase64(data: string): Uint8Array<ArrayBuffer> {
  const text = atob(data);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * Configurações → Backups (the admin's): the copies that just happen, newest first, with date, reason
 * and size; "Fazer backup agora" with its progress; "Exportar" per copy (download, or copy to a folder
 * of the computer running Balcão). "Restaurar" shows only where a restore dialog is given.
 */
export function BackupsScreen({ onRestore }: { onRestore?: (backup: Backup) => void }) {
  const { t } = useTranslation();
  const { timeZone, notify } = useSession();
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [making, setMaking] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [exporting, setExporting] = useState<Backup | null>(null);

  const load = useCallback(async () => {
    const outcome = await api.call('backups.list', {});
    if (outcome.ok) setListing(outcome.result);
    else setError(outcome.error.message);
  }, []);

  useEffect(() => {
    void load();
    const stopProgress = api.subscribe('backups.progress', (event) => setProgress(percentOf(event.done, event.total)));
    const stopChanged = api.subscribe('backups.changed', () => {
      setProgress(null);
      void load();
    });
    return () => {
      stopProgress();
      stopChanged();
    };
  }, [load]);

  const makeNow = async () => {
    if (making) return;
    setMaking(true);
    setError(null);
    setProgress(0);
    const outcome = await api.call('backups.create', {});
    setMaking(false);
    setProgress(null);
    if (!outcome.ok) return setError(outcome.error.message);
    notify(t('backups.made', { size: t('backups.megabytes', { value: megabytes(outcome.result.bytes) }) }));
    void load();
  };

  const running = making || Boolean(listing?.running);
  return (
    <div className="page-content" data-testid="backups-screen">
      <div className="page-header">
        <div>
          <h1>{t('backups.title')}</h1>
          <p className="muted">{t('backups.subtitle')}</p>
        </div>
        <button type="button" className="button button-primary" disabled={running} onClick={() => void makeNow()} data-testid="backup-now">
          {making ? t('backups.making') : t('backups.makeNow')}
        </button>
      </div>

      {running && (
        <div className="sync-progress" role="status" data-testid="backup-progress">
          <span className="small">{making || !listing?.running ? t('backups.progress', { percent: progress ?? 0 }) : t('backups.running', { reason: t(`backups.reasons.${listing.running}`) })}</span>
          <progress max={100} value={progress ?? 0} />
        </div>
      )}
      <FormError message={error} />
      {listing?.lastFailure && (
        <div className="alert alert-error" role="alert" data-testid="backup-failure">
          {t('backups.failed', {
            reason: t(`backups.reasons.${listing.lastFailure.reason}`),
            time: formatDateTime(listing.lastFailure.at, timeZone),
            message: listing.lastFailure.message,
          })}
        </div>
      )}

      <section className="panel">
        {listing && (
          <>
            <p className="muted small" data-testid="backups-folder">
              {t('backups.folder', { folder: listing.folder })}
            </p>
            <p className="muted small">{t('backups.kept')}</p>
          </>
        )}
        <table className="table" data-testid="backups-list">
          <caption className="visually-hidden">{t('backups.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backups.columns.when')}</th>
              <th scope="col">{t('backups.columns.reason')}</th>
              <th scope="col" className="num">
                {t('backups.columns.size')}
              </th>
              <th scope="col" className="actions-col">
                {t('backups.columns.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {!listing && <TableMessage colSpan={4}>{t('common.loading')}</TableMessage>}
            {listing?.backups.length === 0 && <TableMessage colSpan={4}>{t('backups.empty')}</TableMessage>}
            {listing?.backups.map((backup) => (
              <tr key={backup.file} data-testid="backup-row" data-file={backup.file}>
                <td>{formatDateTime(backup.takenAt, timeZone)}</td>
                <td>{t(`backups.reasons.${backup.reason}`)}</td>
                <td className="num" data-testid="backup-size">
                  {t('backups.megabytes', { value: megabytes(backup.bytes) })}
                </td>
                <td className="actions-col">
                  <button type="button" className="button button-secondary button-small" onClick={() => setExporting(backup)} data-testid="backup-export">
                    {t('backups.export')}
                  </button>
                  {onRestore && (
                    <button type="button" className="button button-ghost button-small" onClick={() => onRestore(backup)} data-testid="backup-restore">
                      {t('backups.restore')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {exporting && <ExportDialog backup={exporting} onClose={() => setExporting(null)} />}
    </div>
  );
}

/** Two ways out: a download through the bridge (desktop window or any browser), or a copy to a folder of the computer running Balcão. */
function ExportDialog({ backup, onClose }: { backup: Backup; onClose: () => void }) {
  const { t } = useTranslation();
  const { timeZone, notify } = useSession();
  const [downloaded, setDownloaded] = useState<number | null>(null);
  const [folder, setFolder] = useState('');
  const [copying, setCopying] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<'folder' | 'file' | '_form', string>>>({});

  const download = async () => {
    if (downloaded !== null) return;
    setErrors({});
    setDownloaded(0);
    const pieces: Uint8Array<ArrayBuffer>[] = [];
    for (let offset = 0; ; ) {
      const outcome = await api.call('backups.download', { file: backup.file, offset });
      if (!outcome.ok) {
        setDownloaded(null);
        return setErrors({ _form: outcome.error.message });
      }
      const piece = decodeBase64(outcome.result.data);
      pieces.push(piece);
      offset += piece.length;
      setDownloaded(percentOf(offset, outcome.result.bytes));
      if (outcome.result.done) break;
    }
    downloadBlob(backup.file, new Blob(pieces, { type: 'application/vnd.sqlite3' }));
    setDownloaded(null);
  };

  const copy = async (event: FormEvent) => {
    event.preventDefault();
    if (copying) return;
    setCopying(true);
    setErrors({});
    const outcome = await api.call('backups.export', { file: backup.file, folder });
    setCopying(false);
    if (!outcome.ok) return setErrors(errorsByField(outcome.error, ['folder', 'file']));
    notify(t('backups.copied', { path: outcome.result.path }));
    onClose();
  };

  return (
    <Modal title={t('backups.exportTitle', { time: formatDateTime(backup.takenAt, timeZone) })} onClose={onClose} testId="backup-export-dialog">
      <p className="muted small">{t('backups.exportText')}</p>
      <FormError message={errors._form ?? errors.file} />
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={downloaded !== null} onClick={() => void download()} data-testid="backup-download" data-autofocus>
          {downloaded === null ? t('backups.download') : t('backups.downloading', { percent: downloaded })}
        </button>
      </div>
      <p className="muted small">{t('backups.downloadHint')}</p>
      <form onSubmit={(e) => void copy(e)} noValidate data-testid="backup-copy-form">
        <h3 className="section-title">{t('backups.copyTitle')}</h3>
        <Field label={t('backups.copyFolder')} name="folder" error={errors.folder} hint={t('backups.copyHint')}>
          {(control) => <input {...control} className="input" value={folder} onChange={(e) => setFolder(e.target.value)} data-testid="backup-copy-folder" />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-secondary" disabled={copying} data-testid="backup-copy">
            {copying ? t('backups.copying') : t('backups.copy')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
