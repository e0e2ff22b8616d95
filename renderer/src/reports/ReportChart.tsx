import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas } from '../feedback/ChartCanvas';

const CURRENT = '#e8590c';
const PREVIOUS = 'rgba(29, 95, 184, 0.55)';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

/**
 * Bars that compare: this period in the brand color, the previous one (when there is one) beside it.
 * Values are plotted as given (centavos, counts); `format` writes the axis and the tooltips.
 */
export function ReportChart({ labels, current, previous, summary, format }: { labels: string[]; current: ChartSeries; previous?: ChartSeries | null; summary: string; format: (value: number) => string }) {
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: current.label, data: current.values, backgroundColor: CURRENT, borderRadius: 4 },
          ...(previous ? [{ label: previous.label, data: previous.values, backgroundColor: PREVIOUS, borderRadius: 4 }] : []),
        ],
      },
      options: {
        plugins: {
          legend: { display: Boolean(previous), position: 'bottom' },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${format(Number(item.raw ?? 0))}` } },
        },
        scales: { y: { beginAtZero: true, ticks: { callback: (value) => format(Number(value)) } } },
      },
    }),
    [labels, current, previous, format],
  );
  return <ChartCanvas config={config} label={summary} className="rep-chart" />;
}

/** At most this many bars: the rest are in the table. */
export const MAX_BARS = 15;
