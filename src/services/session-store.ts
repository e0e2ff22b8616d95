import type { DeviceKind } from '../models/devices.js';
import type { Clock } from '../utils/clock.js';
import { newSecretToken } from '../utils/ids.js';

export interface SessionDevice {
  id: string;
  kind: DeviceKind;
  label: string;
  /** The device shows its screen only once a cook has signed in on it. */
  cookLogin: boolean;
  /** The terminal a customer's display shows (null for every other kind). */
  terminalId: string | null;
}

export interface SessionRecord {
  token: string;
  userId: string;
  /** The customers' feedback screen, opened by this user. */
  kiosk?: boolean;
  /** A board link's read-only session for the call board's TV (see board.createLink). */
  boardLinkId?: string;
  /** A paired shop device's session (see devices.confirmPairing): what it is decides what it may call. */
  device?: SessionDevice;
  /** A cook's session on a kitchen device that asks for one (devices.cookLogin): the cook's, with the device's scope. */
  cook?: boolean;
  /** The customer's display opened on this computer (display.openScreen): it reads the display of this terminal only. */
  customerDisplay?: { terminalId: string };
  createdAt: number;
  lastActivityAt: number;
  locked: boolean;
}

/**
 * Sessions live in memory: a restart asks for the PIN again, and reading never writes to disk.
 * The user's role and active flag are read from the database on every call, so changes apply at once.
 */
export class SessionStore {
  private readonly byToken = new Map<string, SessionRecord>();

  constructor(private readonly clock: Clock) {}

  open(userId: string, token: string = newSecretToken(), kiosk = false): SessionRecord {
    const now = this.clock.now();
    const session: SessionRecord = { token, userId, kiosk, createdAt: now, lastActivityAt: now, locked: false };
    this.byToken.set(session.token, session);
    return session;
  }

  /** The call board's session for a board link, on the token the link was created with. */
  openBoard(userId: string, linkId: string, token: string): SessionRecord {
    const session = this.open(userId, token);
    session.boardLinkId = linkId;
    return session;
  }

  /** A paired device's session, on the token it got at pairing, opened by whoever confirmed it. */
  openDevice(userId: string, device: SessionDevice, token: string): SessionRecord {
    const session = this.open(userId, token);
    session.device = device;
    return session;
  }

  /** The customer's display of this computer: one at a time, so the window holding an older token is refused and takes the new one. */
  openCustomerDisplay(userId: string, terminalId: string): SessionRecord {
    for (const [token, session] of this.byToken) if (session.customerDisplay) this.byToken.delete(token);
    const session = this.open(userId);
    session.customerDisplay = { terminalId };
    return session;
  }

  /** A cook signed in on a kitchen device: their own session, on a new token, limited to the device's screen. */
  openCook(userId: string, device: SessionDevice, token: string): SessionRecord {
    const session = this.openDevice(userId, device, token);
    session.cook = true;
    return session;
  }

  get(token: string): SessionRecord | undefined {
    return this.byToken.get(token);
  }

  touch(session: SessionRecord): void {
    session.lastActivityAt = this.clock.now();
  }

  lock(session: SessionRecord): void {
    session.locked = true;
  }

  unlock(session: SessionRecord): void {
    session.locked = false;
    this.touch(session);
  }

  close(token: string): void {
    this.byToken.delete(token);
  }

  closeBoardLink(linkId: string): void {
    for (const [token, session] of this.byToken) if (session.boardLinkId === linkId) this.byToken.delete(token);
  }

  closeDevice(deviceId: string): void {
    for (const [token, session] of this.byToken) if (session.device?.id === deviceId) this.byToken.delete(token);
  }

  /** When each paired device last called, since this process started. */
  devicesSeen(): Map<string, number> {
    const seen = new Map<string, number>();
    for (const session of this.byToken.values()) if (session.device) seen.set(session.device.id, Math.max(seen.get(session.device.id) ?? 0, session.lastActivityAt));
    return seen;
  }

  closeAllFor(userId: string): void {
    for (const [token, session] of this.byToken) if (session.userId === userId) this.byToken.delete(token);
  }
}
