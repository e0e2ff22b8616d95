import { useCallback, useEffect, useState } from 'react';
import { routeOfHash, type RequestedRoute, type Route } from '../routes';

const readRoute = (): RequestedRoute => routeOfHash(window.location.hash);

/** The current screen lives in the URL hash (#/usuarios, #/caixa/sessao), so a reload comes back to it. */
export function useHashRoute(): [RequestedRoute, (route: Route) => void] {
  const [route, setRoute] = useState<RequestedRoute>(readRoute);
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
