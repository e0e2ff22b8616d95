import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';

interface ConnectionFieldsProps {
  uri: string;
  database: string;
  errors: { uri?: string | undefined; database?: string | undefined };
  onChange: (name: 'uri' | 'database', value: string) => void;
  autoFocus?: boolean;
  /** What each field asks for, where it is not the shop's own sync user (another shop's read-only one). */
  labels?: { uri: string; uriHint: string; databaseHint: string };
}

/**
 * The shop's server address and its database, as the Sincronização screen and the join wizard ask
 * for them. The address is a password field: it carries the database user's password.
 */
export function ConnectionFields({ uri, database, errors, onChange, autoFocus, labels }: ConnectionFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={labels?.uri ?? t('sync.screen.uri')} name="uri" error={errors.uri} hint={labels?.uriHint ?? t('sync.screen.uriHint')} className="span-2">
        {(control) => (
          <input
            {...control}
            className="input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            autoFocus={autoFocus}
            maxLength={2000}
            placeholder="mongodb+srv://…"
            value={uri}
            onChange={(e) => onChange('uri', e.target.value)}
            data-testid="sync-uri"
          />
        )}
      </Field>
      <Field label={t('sync.screen.databaseField')} name="database" error={errors.database} hint={labels?.databaseHint ?? t('sync.screen.databaseHint')}>
        {(control) => (
          <input
            {...control}
            className="input"
            autoComplete="off"
            spellCheck={false}
            maxLength={63}
            value={database}
            onChange={(e) => onChange('database', e.target.value)}
            data-testid="sync-database-input"
          />
        )}
      </Field>
    </>
  );
}
