import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { LazyScreens, lazyScreen } from './components/LazyScreen';

/**
 * Renders the page once its code is here: a first render that suspended would hold the page back
 * (React delays a reveal that follows a fallback by up to 300 ms). Code that failed to load renders
 * the reload message (LazyScreens).
 */
// Any props, as a lazy screen takes: each page's component has its own.
export function renderPage(code: Promise<ComponentType<any>>): void {
  const Page = lazyScreen(() => code);
  const root = document.getElementById('root');
  if (!root) throw new Error('Elemento #root não encontrado.');
  const render = () =>
    createRoot(root).render(
      <StrictMode>
        <LazyScreens fallback={<div className="center-panel" role="status" />}>
          <Page />
        </LazyScreens>
      </StrictMode>,
    );
  Page.preload().then(render, render);
}
