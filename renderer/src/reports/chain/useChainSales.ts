import { useCallback, useEffect, useState } from 'react';
import type { REPORT_PRESETS } from '../../../../src/models/reports';
import { api, type Output } from '../../api';

export type Preset = (typeof REPORT_PRESETS)[number];
export type ChainSales = Output<'reports.chainSales'>;

/** The chain's sales of a preset period, read again when the period or the shops change. */
export function useChainSales(preset: Preset, shopsVersion: number) {
  const [report, setReport] = useState<ChainSales | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    const outcome = await api.call('reports.chainSales', { period: { preset } });
    setLoading(false);
    if (!outcome.ok) return setError(outcome.error.message);
    setError(null);
    setReport(outcome.result);
  }, [preset]);

  useEffect(() => {
    void load();
  }, [load, shopsVersion]);

  return { report, error, loading, reload: load };
}
