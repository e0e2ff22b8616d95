import { createContext, useContext } from 'react';
import type { Output } from './api';

export type SessionUser = Output<'auth.session'>['user'];

export interface SessionState {
  user: SessionUser;
  idleLockMinutes: number;
  shopName: string;
  terminalLetter: string;
}

export interface SessionContextValue {
  session: SessionState;
  /** The shop's time zone, for showing dates and times. */
  timeZone: string;
  lock: () => void;
  logout: () => Promise<void>;
  /** Reads the session again (after settings change the shop name or the idle time). */
  refresh: () => Promise<void>;
  /** A short confirmation at the top of the screen ("Usuário criado."). */
  notify: (message: string) => void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession fora da sessão');
  return value;
}

export const DEFAULT_TIME_ZONE = 'America/Sao_Paulo';
