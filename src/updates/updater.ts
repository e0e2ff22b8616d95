import type { Db } from '../database/connection.js';
import { readSettings } from '../database/queries/settings.js';
import { sellingOnTerminal } from '../database/queries/updates.js';
import type { Logger } from '../logs/logger.js';
import type { UpdateStatus } from '../models/updates.js';
import type { EventHub } from '../services/event-hub.js';
import type { Clock } from '../utils/clock.js';
import { installDecision, updateErrorMessage, updaterOptions, type UpdatePrefs, type UpdaterOptions } from './update-rules.js';

/** What the `updates.*` operations ask of this terminal's updater. */
export interface UpdateControl {
  /** The version running now. */
  readonly version: string;
  status(): UpdateStatus;
  /** "Verificar agora": asks the feed; a newer version then downloads in the background. */
  check(): Promise<UpdateStatus>;
  /** The channel or the hold changed (here or from another terminal): apply them now. */
  preferencesChanged(): void;
  stop(): void;
}

/** What happened in the download machinery (electron-updater in the desktop shell). */
export type UpdateDriverEvent =
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; error: unknown };

/**
 * The port the desktop shell fills with electron-updater (electron/updater.ts). Everything deciding
 * when to check, whether to download and when to install stays here, tested under plain Node.
 */
export interface UpdateDriver {
  readonly currentVersion: string;
  configure(options: UpdaterOptions): void;
  /** Asks the feed; outcomes (and the background download) arrive as events. */
  check(): Promise<void>;
  /** Quits, installs the downloaded version and starts it. */
  install(): void;
  onEvent(listener: (event: UpdateDriverEvent) => void): void;
}

export interface UpdaterDeps {
  driver: UpdateDriver;
  db: Db;
  terminalId: string;
  events: EventHub;
  clock: Clock;
  logger: Logger;
  /** The database's copy before an update (backupBeforeUpdate): a failed one means no install. */
  backup: () => Promise<unknown>;
  /** A few seconds after start, so the first screen opens before any network work. */
  firstCheckDelayMs?: number;
  /** Every few hours while the app stays open. */
  intervalMs?: number;
}

export const FIRST_CHECK_DELAY_MS = 10_000;
export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

type Phase = UpdateStatus['phase'];

/** Updates where the app was installed: checks, downloads in the background, installs only when this terminal is not selling. */
export class Updater implements UpdateControl {
  private phase: Phase = 'idle';
  private progress: number | null = null;
  private availableVersion: string | null = null;
  private lastCheckAt: number | null = null;
  private error: string | null = null;
  private waiting: string | null = null;
  private installing = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private stopListening: (() => void) | null = null;
  /** A restore replaced this updater (and its database): the driver's events, still delivered to it, are ignored. */
  private stopped = false;

  constructor(private readonly deps: UpdaterDeps) {
    deps.driver.onEvent((event) => this.onDriverEvent(event));
    // Why: a downloaded update waits for a sale to end or the caixa to close; these are the moments to look again.
    this.stopListening = deps.events.subscribe((event) => {
      if (event.type === 'orders.changed' || event.type === 'cash.changed') void this.installWhenAllowed();
    });
  }

  get version(): string {
    return this.deps.driver.currentVersion;
  }

  start(): void {
    const { firstCheckDelayMs = FIRST_CHECK_DELAY_MS, intervalMs = CHECK_INTERVAL_MS } = this.deps;
    const first = setTimeout(() => void this.check(), firstCheckDelayMs);
    const every = setInterval(() => void this.check(), intervalMs);
    first.unref();
    every.unref();
    this.timers.push(first, every);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.length = 0;
    this.stopListening?.();
    this.stopListening = null;
  }

  status(): UpdateStatus {
    const prefs = this.prefs();
    return {
      version: this.version,
      channel: prefs.channel,
      held: prefs.held,
      automatic: true,
      phase: this.phase,
      progress: this.phase === 'downloading' ? this.progress : null,
      availableVersion: this.availableVersion,
      lastCheckAt: this.lastCheckAt,
      error: this.phase === 'error' ? this.error : null,
      notice: this.phase === 'ready' ? this.waiting : null,
    };
  }

  async check(): Promise<UpdateStatus> {
    // A download under way or waiting to install is not started over; the check answers with how it stands.
    if (this.phase === 'checking' || this.phase === 'downloading' || this.phase === 'ready') return this.status();
    this.deps.driver.configure(updaterOptions(this.prefs()));
    this.phase = 'checking';
    this.error = null;
    this.lastCheckAt = this.deps.clock.now();
    try {
      await this.deps.driver.check();
      // Why: electron-updater may skip a check without a word (one already running); never stay "checking".
      if (this.phase === 'checking') this.phase = 'idle';
    } catch (error) {
      this.fail(error);
    }
    return this.status();
  }

  preferencesChanged(): void {
    const prefs = this.prefs();
    this.deps.driver.configure(updaterOptions(prefs));
    // Released with a version already found: fetch it now rather than at the next round.
    if (!prefs.held && this.phase === 'held') {
      this.phase = 'idle';
      void this.check();
    }
    void this.installWhenAllowed();
  }

  private prefs(): UpdatePrefs {
    const settings = readSettings(this.deps.db);
    return { channel: settings.updateChannel, held: settings.updatesHeld };
  }

  private onDriverEvent(event: UpdateDriverEvent): void {
    if (this.stopped) return;
    switch (event.type) {
      case 'available':
        this.availableVersion = event.version;
        // Held: found, but not downloaded (autoDownload is off).
        this.phase = this.prefs().held ? 'held' : 'downloading';
        this.progress = 0;
        this.deps.logger.info('Atualização disponível', { version: event.version });
        return;
      case 'not-available':
        if (this.phase === 'checking') this.phase = 'idle';
        this.availableVersion = null;
        return;
      case 'progress':
        if (this.phase !== 'downloading') return;
        this.progress = Math.max(0, Math.min(100, Math.floor(event.percent)));
        return;
      case 'downloaded':
        this.availableVersion = event.version;
        this.phase = 'ready';
        this.progress = null;
        this.deps.logger.info('Atualização baixada', { version: event.version });
        void this.installWhenAllowed();
        return;
      case 'error':
        this.fail(event.error);
        return;
    }
  }

  /** Why nothing else: the driver installed nothing, so the running version keeps working and the next check tries again. */
  private fail(error: unknown): void {
    this.installing = false;
    this.phase = 'error';
    this.progress = null;
    this.error = updateErrorMessage(error);
    this.deps.logger.warn('Falha na atualização automática', { error });
  }

  private async installWhenAllowed(): Promise<void> {
    if (this.phase !== 'ready' || this.installing) return;
    const decision = installDecision({ held: this.prefs().held, ...sellingOnTerminal(this.deps.db, this.deps.terminalId) });
    if (!decision.install) {
      this.waiting = decision.message;
      return;
    }
    this.installing = true;
    this.waiting = 'Instalando a atualização; o Balcão vai reiniciar.';
    try {
      await this.backupBeforeInstall();
      this.deps.logger.info('Instalando a atualização', { from: this.version, to: this.availableVersion });
      this.deps.driver.install();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Why: an update that goes wrong must leave a copy of the shop's data to go back to; without one, nothing is installed. */
  private async backupBeforeInstall(): Promise<void> {
    try {
      await this.deps.backup();
    } catch (error) {
      throw new Error(`O backup antes da atualização falhou (${error instanceof Error ? error.message : String(error)}); a atualização fica para depois.`, { cause: error });
    }
  }
}

const INSTALLER_ONLY = 'Atualizações automáticas só no aplicativo instalado. Aqui, a versão muda ao instalar a nova.';

/** Browser mode and a desktop run from the sources: nothing updates itself; the status says so. */
export function installerOnlyUpdates(db: Db, version: string): UpdateControl {
  const status = (): UpdateStatus => {
    const settings = readSettings(db);
    return {
      version,
      channel: settings.updateChannel,
      held: settings.updatesHeld,
      automatic: false,
      phase: 'idle',
      progress: null,
      availableVersion: null,
      lastCheckAt: null,
      error: null,
      notice: INSTALLER_ONLY,
    };
  };
  return {
    version,
    status,
    check: () => Promise.resolve(status()),
    preferencesChanged: () => undefined,
    stop: () => undefined,
  };
}
