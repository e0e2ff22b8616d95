import { useTranslation } from 'react-i18next';
import { formatChange } from './display';
import { changeRatio } from './report-table';

export interface Figure {
  id: string;
  label: string;
  value: number | null;
  /** The same figure in the previous equal period; undefined where it has none (the stock's value now). */
  previous?: number | null;
  format: (value: number) => string;
  /** Figures where more is worse (losses, discounts) color a rise as bad. */
  lowerIsBetter?: boolean;
}

/** The report's headline figures, each beside the previous equal period: its value and the % change, "—" where there is none. */
export function Figures({ figures }: { figures: Figure[] }) {
  const { t } = useTranslation();
  return (
    <div className="rep-figures">
      {figures.map((figure) => {
        const ratio = figure.previous === undefined ? null : changeRatio(figure.value, figure.previous);
        const tone = ratio === null || ratio === 0 ? '' : ratio > 0 !== Boolean(figure.lowerIsBetter) ? ' rep-up' : ' rep-down';
        return (
          <div key={figure.id} className="rep-figure" data-testid={`figure-${figure.id}`} data-value={figure.value ?? ''} data-previous={figure.previous ?? ''}>
            <span className="rep-figure-label">{figure.label}</span>
            <span className="rep-figure-value">{figure.value === null ? '—' : figure.format(figure.value)}</span>
            <span className="rep-figure-compare">
              <span className={`rep-change${tone}`} data-testid={`figure-${figure.id}-change`}>
                {ratio === null ? t('reports.compare.none') : ratio === 0 ? t('reports.compare.same') : t(ratio > 0 ? 'reports.compare.up' : 'reports.compare.down', { change: formatChange(ratio) })}
              </span>
              {figure.previous !== undefined && <span className="muted"> · {t('reports.compare.previous', { value: figure.previous === null ? '—' : figure.format(figure.previous) })}</span>}
            </span>
          </div>
        );
      })}
    </div>
  );
}
