import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'pt-BR';
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className={`language-option${language === current ? ' active' : ''}`}
          aria-pressed={language === current}
          lang={language}
          title={t(`language.names.${language}`)}
          data-testid={`language-${language}`}
          onClick={() => changeLanguage(language)}
        >
          {t(`language.short.${language}`)}
        </button>
      ))}
    </div>
  );
}
