import { useTranslation } from 'react-i18next';

export interface ImportReportData {
  created: number;
  updated: number;
  rejected: { line: number; field: string; message: string }[];
  accepted: { line: number; name: string }[];
  dryRun: boolean;
}

export interface ImportReportLabels {
  willCreate: string;
  created: string;
  willUpdate: string;
  updated: string;
  rejected: string;
  line: string;
  field: string;
  message: string;
  dryRunNote: string;
}

/**
 * What a CSV import did, or would do on a dry run: counts, every rejected row with its line, column and
 * reason, and the names as they will be saved (so a file read in the wrong encoding shows at once).
 */
export function ImportReport({ report, labels }: { report: ImportReportData; labels: ImportReportLabels }) {
  const { t } = useTranslation();
  return (
    <div className="form-stack" data-testid="import-preview">
      <div className="import-figures">
        <div>
          <strong data-testid="import-created">{report.created}</strong>
          <span>{report.dryRun ? labels.willCreate : labels.created}</span>
        </div>
        <div>
          <strong data-testid="import-updated">{report.updated}</strong>
          <span>{report.dryRun ? labels.willUpdate : labels.updated}</span>
        </div>
        <div className={report.rejected.length ? 'import-rejected' : ''}>
          <strong data-testid="import-rejected">{report.rejected.length}</strong>
          <span>{labels.rejected}</span>
        </div>
      </div>
      {report.rejected.length > 0 && (
        <div className="table-wrap table-flat">
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">{labels.line}</th>
                <th scope="col">{labels.field}</th>
                <th scope="col">{labels.message}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((row, i) => (
                <tr key={`${row.line}-${i}`} data-testid="import-rejected-row">
                  <td>{row.line}</td>
                  <td>
                    <span className="code">{row.field}</span>
                  </td>
                  <td>{row.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.dryRun && report.accepted.length > 0 && (
        <details className="import-names" open>
          <summary className="small">{t('common.importNames', { count: report.accepted.length })}</summary>
          <ul className="small" data-testid="import-names">
            {report.accepted.map((row) => (
              <li key={row.line}>
                <span className="muted">{t('common.importLine', { line: row.line })}</span> {row.name}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.dryRun && <p className="muted small">{labels.dryRunNote}</p>}
    </div>
  );
}
