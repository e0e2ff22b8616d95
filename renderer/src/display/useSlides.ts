import { useEffect, useRef, useState } from 'react';
import type { DeviceClient } from '../devices/deviceSession';

/** How long each idle slide stays up. */
export const SLIDE_MS = 8_000;

/**
 * The idle slides, rotating while `active`: the names from `display.slides`, each picture fetched once
 * from `display.slide` (checked by the core) and kept as a blob URL for this page's life.
 */
export function useSlides(client: DeviceClient, active: boolean): string | null {
  const [names, setNames] = useState<string[]>([]);
  const [index, setIndex] = useState(0);
  const [url, setUrl] = useState<string | null>(null);
  const urls = useRef(new Map<string, string>());

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    void client.call('display.slides', {}).then((outcome) => {
      if (!cancelled && outcome.ok) setNames(outcome.result.names);
    });
    return () => {
      cancelled = true;
    };
  }, [client, active]);

  useEffect(() => {
    if (!active || names.length < 2) return;
    const timer = setInterval(() => setIndex((i) => i + 1), SLIDE_MS);
    return () => clearInterval(timer);
  }, [active, names.length]);

  const name = names.length ? names[index % names.length]! : null;
  useEffect(() => {
    if (!active || !name) return setUrl(null);
    const kept = urls.current.get(name);
    if (kept) return setUrl(kept);
    let cancelled = false;
    void client.call('display.slide', { name }).then((outcome) => {
      if (!outcome.ok) return;
      const bytes = Uint8Array.from(atob(outcome.result.base64), (char) => char.charCodeAt(0));
      const made = URL.createObjectURL(new Blob([bytes], { type: outcome.result.contentType }));
      urls.current.set(name, made);
      if (!cancelled) setUrl(made);
    });
    return () => {
      cancelled = true;
    };
  }, [client, active, name]);

  useEffect(() => {
    const kept = urls.current;
    return () => {
      for (const made of kept.values()) URL.revokeObjectURL(made);
    };
  }, []);
  return url;
}
