import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { formatDateTime } from '../format';
import { useLiveRefresh } from '../hooks/useLive';
import { useSession } from '../session';
import { FormError } from '../components/Field';
import { TableMessage } from '../components/TableMessage';

type Job = Output<'printing.jobs'>[number];

const STATUS_BADGE: Record<Job['status'], string> = { pending: 'badge-warning', printed: 'badge-success', failed: 'badge-danger' };

/** How many print jobs failed (for the top bar), live on `printing.changed`. */
export function useFailedPrintJobs(): number {
  const [count, setCount] = useState(0);
  const load = useCallback(async () => {
    const outcome = await api.call('printing.jobs', { status: 'failed', limit: 200 });
    if (outcome.ok) setCount(outcome.result.length);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(['printing.changed'], () => void load(), 300);
  return count;
}

/** The print queue: receipts, kitchen tickets and cash slips sent to the network printer, the ones that failed and why, and "Tentar de novo". */
export function PrintJobsScreen() {
  const { t } = useTranslation();
  const { timeZone, notify } = useSession();
  const [jobs, setJobs] = useState<Job[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyFailed, setOnlyFailed] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    const outcome = await api.call('printing.jobs', onlyFailed ? { status: 'failed', limit: 200 } : { limit: 100 });
    if (outcome.ok) {
      setJobs(outcome.result);
      setError(null);
    } else setError(outcome.error.message);
  }, [onlyFailed]);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(['printing.changed'], () => void load(), 150);

  const retry = async (job: Job) => {
    setBusy(job.id);
    const outcome = await api.call('printing.retry', { jobId: job.id });
    setBusy(null);
    notify(outcome.ok ? t('printJobs.retried', { label: job.label }) : outcome.error.message);
    void load();
  };

  return (
    <div className="page-content" data-testid="print-jobs-screen">
      <div className="page-header">
        <div>
          <h1>{t('printJobs.title')}</h1>
          <p className="muted">{t('printJobs.subtitle')}</p>
        </div>
      </div>
      <div className="toolbar">
        <label className="checkbox">
          <input type="checkbox" checked={onlyFailed} onChange={(e) => setOnlyFailed(e.target.checked)} />
          <span>{t('printJobs.onlyFailed')}</span>
        </label>
      </div>
      <FormError message={error} />
      <div className="table-wrap">
        <table className="table" data-testid="print-jobs">
          <caption className="visually-hidden">{t('printJobs.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('printJobs.columns.when')}</th>
              <th scope="col">{t('printJobs.columns.what')}</th>
              <th scope="col">{t('printJobs.columns.status')}</th>
              <th scope="col">{t('printJobs.columns.error')}</th>
              <th scope="col" className="actions-col">
                {t('printJobs.columns.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs === null && !error && (
              <TableMessage colSpan={5}>{t('common.loading')}</TableMessage>
            )}
            {jobs?.length === 0 && (
              <TableMessage colSpan={5}>{t('printJobs.empty')}</TableMessage>
            )}
            {jobs?.map((job) => (
              <tr key={job.id} data-testid="print-job" data-status={job.status} className={job.status === 'failed' ? 'row-failed' : undefined}>
                <td className="nowrap">{formatDateTime(job.createdAt, timeZone)}</td>
                <td>
                  {job.label}
                  <span className="cell-sub">{t(`printJobs.kinds.${job.kind}`)}</span>
                </td>
                <td>
                  <span className={`badge ${STATUS_BADGE[job.status]}`}>{t(`printJobs.status.${job.status}`)}</span>
                  {job.attempts > 1 && <span className="cell-sub">{t('printJobs.attempts', { count: job.attempts })}</span>}
                </td>
                <td className="print-error">{job.lastError ?? '—'}</td>
                <td className="actions-col">
                  {job.status === 'failed' && (
                    <button type="button" className="button button-small button-warning" disabled={busy === job.id} onClick={() => void retry(job)} data-testid="print-retry">
                      {t('printJobs.retry')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
