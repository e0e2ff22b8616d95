import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { formatDateTime } from '../format';
import { useApiData } from '../hooks/useApiData';
import { useLiveRefresh } from '../hooks/useLive';
import { useSession } from '../session';
import { FormError } from '../components/Field';
import { DataTable } from '../components/DataTable';
import { Checkbox, RowButton } from '../components/ListParts';

type Job = Output<'printing.jobs'>[number];

const STATUS_BADGE: Record<Job['status'], string> = { pending: 'badge-warning', printed: 'badge-success', failed: 'badge-danger' };

/** The print queue: receipts, kitchen tickets and cash slips sent to the network printer, the ones that failed and why, and "Tentar de novo". */
export function PrintJobsScreen() {
  const { t } = useTranslation();
  const { timeZone, notify } = useSession();
  const [onlyFailed, setOnlyFailed] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const { data: jobs, error, reload: load } = useApiData(useCallback(() => api.call('printing.jobs', onlyFailed ? { status: 'failed', limit: 200 } : { limit: 100 }), [onlyFailed]));
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
        <Checkbox checked={onlyFailed} onChange={setOnlyFailed}>
          {t('printJobs.onlyFailed')}
        </Checkbox>
      </div>
      <FormError message={error} />
      <DataTable
        testId="print-jobs"
        caption={t('printJobs.title')}
        rows={jobs}
        rowKey={(job) => job.id}
        rowProps={(job) => ({ 'data-testid': 'print-job', 'data-status': job.status, className: job.status === 'failed' ? 'row-failed' : undefined })}
        loading={error ? undefined : t('common.loading')}
        empty={t('printJobs.empty')}
        columns={[
          { key: 'when', header: t('printJobs.columns.when'), className: 'nowrap', cell: (job) => formatDateTime(job.createdAt, timeZone) },
          {
            key: 'what',
            header: t('printJobs.columns.what'),
            cell: (job) => (
              <>
                {job.label}
                <span className="cell-sub">{t(`printJobs.kinds.${job.kind}`)}</span>
              </>
            ),
          },
          {
            key: 'status',
            header: t('printJobs.columns.status'),
            cell: (job) => (
              <>
                <span className={`badge ${STATUS_BADGE[job.status]}`}>{t(`printJobs.status.${job.status}`)}</span>
                {job.attempts > 1 && <span className="cell-sub">{t('printJobs.attempts', { count: job.attempts })}</span>}
              </>
            ),
          },
          { key: 'error', header: t('printJobs.columns.error'), className: 'print-error', cell: (job) => job.lastError ?? '—' },
          {
            key: 'actions',
            header: t('printJobs.columns.actions'),
            actions: true,
            cell: (job) =>
              job.status === 'failed' && (
                <RowButton className="button-warning" disabled={busy === job.id} onClick={() => void retry(job)} data-testid="print-retry">
                  {t('printJobs.retry')}
                </RowButton>
              ),
          },
        ]}
      />
    </div>
  );
}
