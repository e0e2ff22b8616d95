import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from '../routes';
import { navFor, routeKey } from '../navigation';
import { isManagerRole } from '../roles';
import { useSession } from '../session';
import { OpenKioskButton } from '../feedback/OpenKioskButton';

export function HomeScreen({ onNavigate }: { onNavigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { role, name } = session.user;
  const firstName = name.split(/\s+/)[0] ?? name;
  const [notes, setNotes] = useState('');
  const notesId = useId();
  // Every screen of this role's menu, except this one.
  const shortcuts = navFor(role).filter((route) => route !== 'inicio');

  const shortcutGrid = (
    <div className="shortcut-grid">
      {shortcuts.map((route) => (
        <button key={route} type="button" className="shortcut" onClick={() => onNavigate(route)} data-testid={`shortcut-${routeKey(route)}`}>
          <span className="shortcut-title">{t(`shell.routes.${routeKey(route)}`)}</span>
          <span className="shortcut-text">{t(`home.shortcuts.${routeKey(route)}`)}</span>
        </button>
      ))}
    </div>
  );

  return (
    <div className="page-content" data-testid="home-screen">
      <div className="page-header">
        <div>
          <h1>{t('home.greeting', { name: firstName })}</h1>
          <p className="muted">{t('home.signedIn', { role: t(`roles.${role}`), shop: session.shopName })}</p>
        </div>
      </div>

      <div className="home-grid">
        {isManagerRole(role) ? (
          <section className="panel" aria-labelledby="home-manage">
            <h2 id="home-manage" className="section-title">
              {t('home.manageTitle')}
            </h2>
            {shortcutGrid}
          </section>
        ) : (
          <section className="panel" aria-labelledby="home-module" data-testid="role-placeholder">
            <h2 id="home-module" className="section-title">
              {t(`home.placeholder.${role}.title`)}
            </h2>
            <p>{t(`home.placeholder.${role}.text`)}</p>
            {shortcutGrid}
            {role === 'cashier' && (
              <div className="home-kiosk">
                <h3 className="section-title">{t('feedback.home.title')}</h3>
                <p className="muted small">{t('feedback.home.text')}</p>
                <OpenKioskButton />
              </div>
            )}
          </section>
        )}

        <section className="panel" aria-labelledby={`${notesId}-title`}>
          <h2 id={`${notesId}-title`} className="section-title">
            {t('home.notesTitle')}
          </h2>
          <label htmlFor={notesId} className="field-label">
            {t('home.notesLabel')}
          </label>
          <textarea
            id={notesId}
            className="input textarea"
            rows={6}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            placeholder={t('home.notesPlaceholder')}
            aria-describedby={`${notesId}-hint`}
            data-testid="shift-notes"
          />
          <p className="field-hint" id={`${notesId}-hint`}>
            {t('home.notesHint')}
          </p>
        </section>
      </div>
    </div>
  );
}
