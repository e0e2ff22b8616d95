/**
 * A feedback the inbox should open (from an alert's "Abrir"), and news that one was handled (so its
 * alert goes away). Module state with listeners: the alert lives in the shell, the inbox in the page.
 */
let pendingOpen: string | null = null;
const openListeners = new Set<(id: string) => void>();
const handledListeners = new Set<(id: string) => void>();

/** Asks the inbox to open this feedback: now if it is on screen, else when it mounts. */
export function requestOpenFeedback(id: string): void {
  pendingOpen = id;
  for (const listener of openListeners) listener(id);
}

/** Read once by the inbox. */
export function takePendingFeedback(): string | null {
  const id = pendingOpen;
  pendingOpen = null;
  return id;
}

export function onOpenFeedback(listener: (id: string) => void): () => void {
  openListeners.add(listener);
  return () => openListeners.delete(listener);
}

export function announceHandled(id: string): void {
  for (const listener of handledListeners) listener(id);
}

export function onFeedbackHandled(listener: (id: string) => void): () => void {
  handledListeners.add(listener);
  return () => handledListeners.delete(listener);
}
