import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { FormError } from '../components/Field';
import { ImportReport } from '../components/ImportReport';
import { Modal } from '../components/Modal';
import { readCsvFile } from '../csv-file';
import { useSession } from '../session';

type ItemsImport = Output<'stock.importItems'>;

/** CSV import in two steps: a dry run lists what would be created or updated and every rejected line, then "Importar" writes it. */
export function ItemsImportDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation();
  const { notify } = useSession();
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<ItemsImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);

  const run = async (dryRun: boolean) => {
    if (!csv.trim()) return setError(t('stock.import.empty'));
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    const outcome = await api.call('stock.importItems', { csv, dryRun });
    setBusy(null);
    if (!outcome.ok) return setError(outcome.error.message);
    setReport(outcome.result);
    if (!dryRun) {
      notify(t('stock.import.done', { created: outcome.result.created, updated: outcome.result.updated }));
      onImported();
    }
  };

  return (
    <Modal title={t('stock.import.title')} onClose={onClose} testId="items-import-dialog" size="wide">
      <div className="import-layout">
        <div className="form-stack">
          <p className="muted small">{t('stock.import.columns')}</p>
          <label className="button button-secondary file-button">
            {t('stock.import.chooseFile')}
            <input
              type="file"
              accept=".csv,text/csv"
              className="visually-hidden"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setReport(null);
                void readCsvFile(file).then((read) => setCsv(read.text));
              }}
            />
          </label>
          <label className="field-label" htmlFor="stock-import-csv">
            {t('stock.import.paste')}
          </label>
          <textarea
            id="stock-import-csv"
            className="input textarea import-text"
            rows={9}
            spellCheck={false}
            value={csv}
            onChange={(e) => {
              setCsv(e.target.value);
              setReport(null);
            }}
            placeholder={'nome;unidade;categoria;minimo;codigo_barras\nPão de hambúrguer;un;Padaria;10;\nCarne moída;g;Carnes;1000;'}
            data-testid="import-csv"
          />
          <FormError message={error ?? undefined} />
          <div className="form-actions">
            <button type="button" className="button button-ghost" onClick={onClose}>
              {t('common.close')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void run(true)} data-testid="import-check">
              {busy === 'check' ? t('stock.import.checking') : t('stock.import.check')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy !== null || !report?.dryRun || report.created + report.updated === 0}
              onClick={() => void run(false)}
              data-testid="import-run"
            >
              {busy === 'import' ? t('stock.import.importing') : t('stock.import.run')}
            </button>
          </div>
        </div>
        <div className="panel" aria-live="polite">
          <h3 className="section-title">{report ? (report.dryRun ? t('stock.import.previewTitle') : t('stock.import.resultTitle')) : t('stock.import.howTitle')}</h3>
          {report ? (
            <ImportReport report={report} labels={{ willCreate: t('stock.import.willCreate'), created: t('stock.import.created'), willUpdate: t('stock.import.willUpdate'), updated: t('stock.import.updated'), rejected: t('stock.import.rejected'), line: t('stock.import.line'), field: t('stock.import.field'), message: t('stock.import.message'), dryRunNote: t('stock.import.dryRunNote') }} />
          ) : (
            <p className="muted small">{t('stock.import.howText')}</p>
          )}
        </div>
      </div>
    </Modal>
  );
}
