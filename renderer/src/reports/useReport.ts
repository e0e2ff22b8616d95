import { useCallback, useEffect, useState } from 'react';
import type { LiveEventName } from '../../../src/models/contract';
import { api, type Input, type Output } from '../api';
import { useLiveRefresh } from '../hooks/useLive';

export type ReportOperation = 'reports.sales' | 'reports.discounts' | 'reports.voids' | 'reports.caixas' | 'reports.stock' | 'reports.ratings';

/** What moves a report's figures; a burst of sales reloads it once, after a pause. */
const REPORT_EVENTS: readonly LiveEventName[] = ['orders.changed', 'cash.changed', 'stock.changed', 'feedback.received'];
const RELOAD_DELAY_MS = 1_500;

/**
 * Loads one report for the input given (null: not yet), and again when the input changes or the
 * shop's figures move. A slow answer for an older input never replaces a newer one.
 */
export function useReport<N extends ReportOperation>(operation: N, input: Input<N> | null) {
  const [data, setData] = useState<Output<N> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = input === null ? null : JSON.stringify(input);

  const load = useCallback(
    async (isCurrent: () => boolean = () => true) => {
      if (key === null) return;
      const outcome = await api.call(operation, JSON.parse(key) as Input<N>);
      if (!isCurrent()) return;
      if (outcome.ok) {
        setData(outcome.result);
        setError(null);
      } else {
        setData(null);
        setError(outcome.error.message);
      }
    },
    [operation, key],
  );

  useEffect(() => {
    let current = true;
    setData(null);
    void load(() => current);
    return () => {
      current = false;
    };
  }, [load]);
  useLiveRefresh(REPORT_EVENTS, () => void load(), RELOAD_DELAY_MS);
  return { data, error };
}
