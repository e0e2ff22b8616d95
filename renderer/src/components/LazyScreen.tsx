import { Component, createContext, createElement, useContext, useEffect, useReducer, type ComponentProps, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A screen's code that could not be fetched: the server restarted with a new build (the old chunk's
 * name is gone), or it is unreachable. Only a reload brings the page and its chunks back in step.
 */
export class ScreenLoadError extends Error {
  override readonly name = 'ScreenLoadError';
}

/** A screen's code on its way: whether it arrived, and what it is once it has. */
type Loading<T> = Promise<T> & { status: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

/** What a screen shows while its code is on its way (LazyScreens sets it). */
const Waiting = createContext<ReactNode>(null);

/**
 * A screen in its own chunk, fetched the first time it shows or earlier with `preload()`. It never
 * suspends: a screen whose chunk is here renders at once, and one still on its way shows LazyScreens'
 * fallback, then itself as a plain update once the chunk arrives. (React holds back the reveal of a
 * suspended screen by up to 300 ms after its fallback showed.)
 */
// Any props, as React.lazy itself takes: each screen keeps its own.
export function lazyScreen<C extends ComponentType<any>>(load: () => Promise<C>) {
  let loading: Loading<C> | null = null;
  const preload = (): Loading<C> => {
    if (loading) return loading;
    const promise = load().catch((error: unknown) => {
      throw new ScreenLoadError(error instanceof Error ? error.message : String(error), { cause: error });
    }) as Loading<C>;
    promise.status = 'pending';
    promise.then(
      (value) => Object.assign(promise, { status: 'fulfilled', value }),
      (reason: unknown) => Object.assign(promise, { status: 'rejected', reason }),
    );
    loading = promise;
    return promise;
  };
  function LazyScreen(props: ComponentProps<C>) {
    const code = preload();
    const waiting = useContext(Waiting);
    const [, arrived] = useReducer((count: number) => count + 1, 0);
    const shownWaiting = code.status === 'pending';
    useEffect(() => {
      // Also when the code arrived between this render and this effect.
      if (!shownWaiting) return;
      let shown = true;
      const show = () => shown && arrived();
      code.then(show, show);
      return () => {
        shown = false;
      };
    }, [code, shownWaiting]);
    if (code.status === 'rejected') throw code.reason;
    return code.status === 'fulfilled' ? createElement(code.value!, props) : waiting;
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
      <Waiting.Provider value={fallback}>{children}</Waiting.Provider>
    </ScreenLoadBoundary>
  );
}
