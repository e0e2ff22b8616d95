import { useCallback, useEffect, useState } from 'react';

export const ROUTES = ['inicio', 'usuarios', 'auditoria', 'configuracoes'] as const;
export type Route = (typeof ROUTES)[number];

function readRoute(): Route {
  const path = window.location.hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(path) ? (path as Route) : 'inicio';
}

/** The current screen lives in the URL hash (#/usuarios), so a reload comes back to it. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(readRoute);
  useEffect(() => {
    const onChange = () => setRoute(readRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    if (readRoute() !== next) window.location.hash = `#/${next}`;
    setRoute(next);
  }, []);
  return [route, navigate];
}
