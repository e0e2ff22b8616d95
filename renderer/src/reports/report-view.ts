import { useEffect } from 'react';
import type { ReportTable } from './report-table';
import type { PeriodInput, ResolvedPeriod } from './usePeriod';

/** What the screen's buttons need of the report on screen: its name (for the file), its period, its tables. */
export interface ReportView {
  name: string;
  period: ResolvedPeriod;
  previousPeriod: ResolvedPeriod;
  tables: ReportTable[];
}

export interface SectionProps {
  period: PeriodInput;
  onView: (view: ReportView | null) => void;
}

/** Hands the report on screen to the export and print buttons (null while it loads). */
export function usePublishView(onView: SectionProps['onView'], view: ReportView | null): void {
  useEffect(() => onView(view), [onView, view]);
}

/** A table of any row type, as the export takes them. */
export const asTable = <R,>(table: ReportTable<R>): ReportTable => table as unknown as ReportTable;
