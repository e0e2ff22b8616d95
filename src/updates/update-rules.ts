import type { UpdateChannel } from '../models/updates.js';

/** The rules of automatic updates, as small pure functions (the updater and the shell apply them). */

export interface UpdatePrefs {
  channel: UpdateChannel;
  held: boolean;
}

export interface InstallFacts {
  held: boolean;
  /** The caixa of this terminal is open. */
  caixaOpen: boolean;
  /** Orders of this terminal neither paid nor cancelled. */
  openOrders: number;
}

export type InstallDecision = { install: true } | { install: false; reason: 'held' | 'caixa-open' | 'open-order'; message: string };

/**
 * Installing restarts the app, so it happens only when this terminal is not selling: its caixa closed
 * and none of its orders open. Other terminals do not matter (each installs on its own).
 */
export function installDecision(facts: InstallFacts): InstallDecision {
  if (facts.held) return { install: false, reason: 'held', message: 'Atualizações suspensas pelo administrador.' };
  if (facts.caixaOpen) return { install: false, reason: 'caixa-open', message: 'Esperando o caixa deste terminal ser fechado.' };
  if (facts.openOrders > 0) {
    const message =
      facts.openOrders === 1
        ? 'Esperando 1 pedido em aberto neste terminal ser pago ou cancelado.'
        : `Esperando ${facts.openOrders} pedidos em aberto neste terminal serem pagos ou cancelados.`;
    return { install: false, reason: 'open-order', message };
  }
  return { install: true };
}

/** The electron-updater settings a channel and a hold mean. */
export interface UpdaterOptions {
  channel: UpdateChannel;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
}

/**
 * Why never a downgrade: a terminal leaving beta for latest would otherwise go back to an older
 * version, which refuses the database the newer one migrated. It waits for a newer stable release.
 */
export function updaterOptions(prefs: UpdatePrefs): UpdaterOptions {
  return {
    channel: prefs.channel,
    allowPrerelease: prefs.channel === 'beta',
    allowDowngrade: false,
    autoDownload: !prefs.held,
    autoInstallOnAppQuit: !prefs.held,
  };
}

/**
 * Sets the options on electron-updater's updater. Why this order: its `channel` setter turns
 * `allowDowngrade` on, so the downgrade rule is written after it.
 */
export function applyUpdaterOptions(target: { channel: string | null } & Omit<UpdaterOptions, 'channel'>, options: UpdaterOptions): void {
  target.channel = options.channel;
  target.allowPrerelease = options.allowPrerelease;
  target.allowDowngrade = options.allowDowngrade;
  target.autoDownload = options.autoDownload;
  target.autoInstallOnAppQuit = options.autoInstallOnAppQuit;
}

const STAYS = 'O Balcão continua nesta versão e tenta de novo mais tarde.';
const OFFLINE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|net::ERR_/;

/** A failed check or download, in words for the admin. Nothing was installed, so the running version stays. */
export function updateErrorMessage(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE') return `A atualização baixada não está assinada pelo mesmo editor do Balcão instalado e foi recusada. ${STAYS}`;
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND') return `O servidor de atualizações não tem este canal. ${STAYS}`;
  if (OFFLINE.test(code) || OFFLINE.test(detail)) return `Sem conexão com o servidor de atualizações. ${STAYS}`;
  return `A atualização falhou (${detail.slice(0, 200)}). ${STAYS}`;
}

/** Semver precedence: 1.3.0-beta.2 < 1.3.0-beta.10 < 1.3.0 < 1.10.0. */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = splitVersion(a);
  const [coreB = '', preB] = splitVersion(b);
  const byCore = compareIdentifiers(coreA.split('.'), coreB.split('.'));
  if (byCore !== 0) return byCore;
  if (preA === undefined || preB === undefined) return preA === preB ? 0 : preA === undefined ? 1 : -1;
  return compareIdentifiers(preA.split('.'), preB.split('.'));
}

function splitVersion(version: string): [string, string | undefined] {
  const dash = version.indexOf('-');
  return dash < 0 ? [version, undefined] : [version.slice(0, dash), version.slice(dash + 1)];
}

function compareIdentifiers(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    const order = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}
