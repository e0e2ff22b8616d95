import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { FormError } from '../components/Field';
import { useSession } from '../session';
import { ImportReport } from '../components/ImportReport';
import { readCsvFile, type CsvEncoding } from '../csv-file';
import { downloadText } from '../feedback/download';

type Report = Output<'catalog.importProducts'>;

/**
 * CSV import in two steps: a dry run shows what would be created or updated and every rejected line
 * (line, column, why), then "Importar" writes it. Export gives the same columns back.
 */
export function ImportTab({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const { notify } = useSession();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [encoding, setEncoding] = useState<CsvEncoding | null>(null);
  const [preview, setPreview] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | 'export' | null>(null);

  const run = async (dryRun: boolean) => {
    if (!csv.trim()) return setError(t('catalog.import.empty'));
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    const outcome = await api.call('catalog.importProducts', { csv, dryRun });
    setBusy(null);
    if (!outcome.ok) return setError(outcome.error.message);
    setPreview(outcome.result);
    if (!dryRun) {
      notify(t('catalog.import.done', { created: outcome.result.created, updated: outcome.result.updated }));
      onImported();
    }
  };

  const exportCsv = async () => {
    setBusy('export');
    const outcome = await api.call('catalog.exportProducts', {});
    setBusy(null);
    if (!outcome.ok) return setError(outcome.error.message);
    downloadText(`produtos-${new Date().toISOString().slice(0, 10)}.csv`, outcome.result.csv);
    notify(t('catalog.import.exported', { count: outcome.result.rows }));
  };

  return (
    <section className="import-layout">
      <div className="panel">
        <h2 className="section-title">{t('catalog.import.title')}</h2>
        <p className="muted small">{t('catalog.import.columns')}</p>
        <label className="button button-secondary file-button">
          {t('catalog.import.chooseFile')}
          <input
            type="file"
            accept=".csv,text/csv"
            className="visually-hidden"
            data-testid="import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setFileName(file.name);
              setPreview(null);
              void readCsvFile(file).then((read) => {
                setCsv(read.text);
                setEncoding(read.encoding);
              });
            }}
          />
        </label>
        {fileName && (
          <p className="small" data-testid="import-file-name">
            {fileName}
            {encoding && ` · ${t(`common.fileEncoding.${encoding}`)}`}
          </p>
        )}
        <label className="field-label" htmlFor="import-csv">
          {t('catalog.import.paste')}
        </label>
        <textarea
          id="import-csv"
          className="input textarea import-text"
          rows={8}
          spellCheck={false}
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            setEncoding(null);
            setPreview(null);
          }}
          placeholder={'nome;codigo;preco;categoria;codigo_barras;estacao;ativo\nX-Burger;XB;18,00;Lanches;;Chapa;sim'}
          data-testid="import-csv"
        />
        <FormError message={error ?? undefined} />
        <div className="form-actions">
          <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void run(true)} data-testid="import-check">
            {busy === 'check' ? t('catalog.import.checking') : t('catalog.import.check')}
          </button>
          <button type="button" className="button button-primary" disabled={busy !== null || !preview?.dryRun || preview.created + preview.updated === 0} onClick={() => void run(false)} data-testid="import-run">
            {busy === 'import' ? t('catalog.import.importing') : t('catalog.import.run')}
          </button>
        </div>
      </div>
      <div className="panel" aria-live="polite">
        <h2 className="section-title">{preview ? (preview.dryRun ? t('catalog.import.previewTitle') : t('catalog.import.resultTitle')) : t('catalog.import.exportTitle')}</h2>
        {preview ? (
          <ImportReport report={preview} labels={{ willCreate: t('catalog.import.willCreate'), created: t('catalog.import.created'), willUpdate: t('catalog.import.willUpdate'), updated: t('catalog.import.updated'), rejected: t('catalog.import.rejected'), line: t('catalog.import.line'), field: t('catalog.import.field'), message: t('catalog.import.message'), dryRunNote: t('catalog.import.dryRunNote') }} />
        ) : (
          <>
            <p className="muted small">{t('catalog.import.exportText')}</p>
            <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void exportCsv()} data-testid="export-csv">
              {busy === 'export' ? t('common.loading') : t('catalog.import.export')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
