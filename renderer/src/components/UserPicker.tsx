import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../roles';
import { useRoster } from '../hooks/useRoster';
import { UserTile } from './UserTile';
import { FormError } from './Field';

/** Many people share a terminal; past this many tiles the name field filters them. */
const FILTER_FROM = 7;

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}

/** User tiles for touch, plus a name field for the keyboard (and for shops with many people). */
export function UserPicker({ onPick, exceptName }: { onPick: (user: { name: string; role?: Role }) => void; exceptName?: string }) {
  const { t } = useTranslation();
  const { roster, error } = useRoster();
  const [typed, setTyped] = useState('');

  const people = (roster ?? []).filter((user) => user.name !== exceptName);
  const query = fold(typed);
  const shown = people.length >= FILTER_FROM && query ? people.filter((user) => fold(user.name).includes(query)) : people;

  const submitName = (event: FormEvent) => {
    event.preventDefault();
    const name = typed.trim();
    if (name.length < 2) return;
    const exact = people.find((user) => fold(user.name) === fold(name));
    onPick(exact ? { name: exact.name, role: exact.role } : { name });
  };

  return (
    <div className="user-picker">
      <FormError message={error} />
      {roster === null && !error && (
        <p className="muted" role="status">
          {t('login.loadingUsers')}
        </p>
      )}
      {roster !== null && people.length === 0 && <p className="muted">{t('login.noUsers')}</p>}
      <ul className="tile-grid" aria-label={t('login.usersList')}>
        {shown.map((user) => (
          <li key={user.id}>
            <UserTile name={user.name} role={user.role} onSelect={() => onPick({ name: user.name, role: user.role })} />
          </li>
        ))}
      </ul>
      <form className="name-entry" onSubmit={submitName}>
        <label htmlFor="login-name" className="field-label">
          {people.length >= FILTER_FROM ? t('login.searchName') : t('login.typeName')}
        </label>
        <div className="inline-form">
          <input
            id="login-name"
            className="input"
            autoComplete="username"
            value={typed}
            maxLength={60}
            onChange={(e) => setTyped(e.target.value)}
            data-testid="login-name"
          />
          <button type="submit" className="button button-secondary" disabled={typed.trim().length < 2}>
            {t('login.continue')}
          </button>
        </div>
      </form>
    </div>
  );
}
