import { useState } from 'react';
import type { Input } from '../api';

export type PeriodInput = Input<'reports.sales'>['period'];
export type Preset = NonNullable<PeriodInput['preset']>;
export type ResolvedPeriod = { from: string; to: string; days: number };

export const PRESETS = ['today', 'yesterday', 'this_week', 'this_month', 'last_month'] as const satisfies readonly Preset[];

/**
 * The period the reports show: a preset the core resolves on the shop's calendar (business days), or
 * dates typed by hand, sent only when asked ("Ver período"), so half-typed dates load nothing.
 */
export function usePeriod() {
  const [period, setPeriod] = useState<PeriodInput>({ preset: 'today' });
  const [draft, setDraft] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [custom, setCustom] = useState(false);
  return {
    period,
    custom,
    draft,
    setDraft,
    choosePreset: (preset: Preset) => {
      setCustom(false);
      setPeriod({ preset });
    },
    /** Opens the date fields, starting from the period on screen. */
    chooseCustom: (shown: ResolvedPeriod | null) => {
      setCustom(true);
      if (shown && !draft.from && !draft.to) setDraft({ from: shown.from, to: shown.to });
    },
    applyDraft: () => setPeriod({ from: draft.from, to: draft.to }),
  };
}
