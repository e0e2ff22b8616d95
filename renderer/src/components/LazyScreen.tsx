import { Component, createElement, Suspense, use, type ComponentProps, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A screen's code that could not be fetched: the server restarted with a new build (the old chunk's
 * name is gone), or it is unreachable. Only a reload brings the page and its chunks back in step.
 */
export class ScreenLoadError extends Error {
  override readonly name = 'ScreenLoadError';
}

/** A promise that says whether it settled, as React's `use` reads it: a settled one renders at once, without suspending. */
type Tracked<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

/**
 * A screen in its own chunk, fetched the first time it shows or earlier with `preload()`. A screen
 * whose chunk is already here renders at once: React.lazy would suspend it once more, and React holds
 * back a reveal that follows a fallback by up to 300 ms.
 */
// Any props, as React.lazy itself takes: each screen keeps its own.
export function lazyScreen<C extends ComponentType<any>>(load: () => Promise<C>) {
  let loading: Tracked<C> | null = null;
  const preload = (): Tracked<C> => {
    if (loading) return loading;
    const promise: Tracked<C> = load().catch((error: unknown) => {
      throw new ScreenLoadError(error instanceof Error ? error.message : String(error), { cause: error });
    });
    promise.status = 'pending';
    promise.then(
      (value) => Object.assign(promise, { status: 'fulfilled', value }),
      (reason: unknown) => Object.assign(promise, { status: 'rejected', reason }),
    );
    loading = promise;
    return promise;
  };
  function LazyScreen(props: ComponentProps<C>) {
    return createElement(use<C>(preload() as Promise<C>), props);
  }
  return Object.assign(LazyScreen, { preload });
}

interface BoundaryState {
  error: { thrown: unknown } | null;
}

/** Shows "recarregar" where a screen's chunk failed to load; any other error goes on up as before. */
class ScreenLoadBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(thrown: unknown): BoundaryState {
    return { error: { thrown } };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // Thrown from here, it reaches the boundary above (none: the page stops, as it did before chunks).
    if (!(error.thrown instanceof ScreenLoadError)) throw error.thrown;
    return <ScreenLoadFailed />;
  }
}

function ScreenLoadFailed() {
  const { t } = useTranslation();
  return (
    <div className="center-panel" role="alert" data-testid="screen-load-failed">
      <div className="card card-narrow">
        <h1>{t('app.screenLoadFailedTitle')}</h1>
        <p>{t('app.screenLoadFailedText')}</p>
        <button type="button" className="button button-primary" onClick={() => window.location.reload()} data-testid="screen-reload">
          {t('app.reload')}
        </button>
      </div>
    </div>
  );
}

/** Where lazy screens show: `fallback` while their chunk loads, the reload message if it cannot. */
export function LazyScreens({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  return (
    <ScreenLoadBoundary>
      <Suspense fallback={fallback}>{children}</Suspense>
    </ScreenLoadBoundary>
  );
}
