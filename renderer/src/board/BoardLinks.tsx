import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField } from '../api';
import { Field, FormError } from '../components/Field';
import { useApiData } from '../hooks/useApiData';
import { boardLinkUrl } from './boardLink';

/** Managers create read-only board links for the TVs, see them, and revoke one that leaked. */
export function BoardLinks() {
  const { t } = useTranslation();
  const { data: links, reload: load } = useApiData(useCallback(() => api.call('board.listLinks', {}), []));
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await api.call('board.createLink', { label });
    if (!outcome.ok) return setErrors(errorsByField(outcome.error, ['label']));
    setErrors({});
    setLabel('');
    setCreated(boardLinkUrl(outcome.result.token));
    void load();
  };

  const revoke = async (id: string) => {
    const outcome = await api.call('board.revokeLink', { id });
    if (!outcome.ok) return setErrors({ _form: outcome.error.message });
    void load();
  };

  return (
    <section className="panel" data-testid="board-links">
      <h2 className="section-title">{t('board.links.title')}</h2>
      <p className="muted small">{t('board.links.text')}</p>
      <FormError message={errors._form} />
      <form className="board-links-form" onSubmit={(e) => void create(e)} noValidate>
        <Field label={t('board.links.label')} name="label" error={errors.label}>
          {(control) => <input {...control} className="input" maxLength={60} value={label} onChange={(e) => setLabel(e.target.value)} data-testid="board-link-label" />}
        </Field>
        <button type="submit" className="button button-secondary" data-testid="board-link-create">
          {t('board.links.create')}
        </button>
      </form>
      {created && (
        <p className="board-link-created">
          {t('board.links.created')}{' '}
          <a href={created} target="_blank" rel="noreferrer" data-testid="board-link-url">
            {created}
          </a>
        </p>
      )}
      {!links || links.length === 0 ? (
        <p className="muted small">{t('board.links.empty')}</p>
      ) : (
        <ul className="board-links-list">
          {links.map((link) => (
            <li key={link.id} data-testid="board-link-row">
              <span>{link.label}</span>{' '}
              {link.revokedAt === null ? (
                <button type="button" className="button button-small button-ghost" onClick={() => void revoke(link.id)} data-testid="board-link-revoke">
                  {t('board.links.revoke')}
                </button>
              ) : (
                <span className="badge badge-muted">{t('board.links.revoked')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
