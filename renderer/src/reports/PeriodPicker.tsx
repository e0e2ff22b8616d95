import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PRESETS, type ResolvedPeriod, type usePeriod } from './usePeriod';

/** The presets (business days on the shop's calendar) and, under "Datas", the first and last day by hand. */
export function PeriodPicker({ state, shown }: { state: ReturnType<typeof usePeriod>; shown: ResolvedPeriod | null }) {
  const { t } = useTranslation();
  const fromId = useId();
  const toId = useId();
  const { period, custom, draft, setDraft } = state;
  return (
    <div className="rep-period" role="search" aria-label={t('reports.period.label')}>
      <div className="segmented" role="radiogroup" aria-label={t('reports.period.label')}>
        {PRESETS.map((preset) => (
          <button key={preset} type="button" role="radio" className="segmented-option" aria-checked={!custom && period.preset === preset} onClick={() => state.choosePreset(preset)} data-testid={`rep-preset-${preset}`}>
            {t(`reports.period.${preset}`)}
          </button>
        ))}
        <button type="button" role="radio" className="segmented-option" aria-checked={custom} onClick={() => state.chooseCustom(shown)} data-testid="rep-preset-custom">
          {t('reports.period.custom')}
        </button>
      </div>
      {custom && (
        <form
          className="rep-dates"
          onSubmit={(event) => {
            event.preventDefault();
            state.applyDraft();
          }}
        >
          <div className="field">
            <label className="field-label" htmlFor={fromId}>
              {t('reports.period.from')}
            </label>
            <input id={fromId} type="date" className="input" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} data-testid="rep-from" />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={toId}>
              {t('reports.period.to')}
            </label>
            <input id={toId} type="date" className="input" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} data-testid="rep-to" />
          </div>
          <button type="submit" className="button button-secondary" data-testid="rep-apply">
            {t('reports.period.apply')}
          </button>
        </form>
      )}
    </div>
  );
}
