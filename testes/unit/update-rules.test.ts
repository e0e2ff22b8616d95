import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { applyUpdaterOptions, compareVersions, installDecision, updateErrorMessage, updaterOptions } from '../../src/updates/update-rules.js';

describe('installDecision', () => {
  it('installs with the caixa closed and no open order on this terminal', () => {
    expect(installDecision({ held: false, caixaOpen: false, openOrders: 0 })).toEqual({ install: true });
  });

  it('waits while an order of this terminal is open', () => {
    const decision = installDecision({ held: false, caixaOpen: false, openOrders: 2 });
    expect(decision).toMatchObject({ install: false, reason: 'open-order' });
    expect(!decision.install && decision.message).toBe('Esperando 2 pedidos em aberto neste terminal serem pagos ou cancelados.');
    expect(installDecision({ held: false, caixaOpen: false, openOrders: 1 })).toMatchObject({ message: 'Esperando 1 pedido em aberto neste terminal ser pago ou cancelado.' });
  });

  it('waits while the caixa of this terminal is open', () => {
    expect(installDecision({ held: false, caixaOpen: true, openOrders: 0 })).toEqual({
      install: false,
      reason: 'caixa-open',
      message: 'Esperando o caixa deste terminal ser fechado.',
    });
  });

  it('names the caixa first when both block (closing it ends the day)', () => {
    expect(installDecision({ held: false, caixaOpen: true, openOrders: 3 })).toMatchObject({ install: false, reason: 'caixa-open' });
  });

  it('never installs while the admin holds updates, whatever else', () => {
    for (const facts of [
      { caixaOpen: false, openOrders: 0 },
      { caixaOpen: true, openOrders: 1 },
    ]) {
      expect(installDecision({ held: true, ...facts })).toMatchObject({ install: false, reason: 'held', message: 'Atualizações suspensas pelo administrador.' });
    }
  });
});

describe('updaterOptions', () => {
  it('maps latest to the stable feed, no prereleases, no downgrade', () => {
    expect(updaterOptions({ channel: 'latest', held: false })).toEqual({
      channel: 'latest',
      allowPrerelease: false,
      allowDowngrade: false,
      autoDownload: true,
      autoInstallOnAppQuit: true,
    });
  });

  it('maps beta to the beta feed with prereleases, still never a downgrade', () => {
    expect(updaterOptions({ channel: 'beta', held: false })).toEqual({
      channel: 'beta',
      allowPrerelease: true,
      allowDowngrade: false,
      autoDownload: true,
      autoInstallOnAppQuit: true,
    });
  });

  it('downloads and installs nothing while held', () => {
    expect(updaterOptions({ channel: 'beta', held: true })).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false });
  });
});

describe('applyUpdaterOptions on the real electron-updater', () => {
  // electron-updater's AppUpdater, given a stand-in for Electron's app (it only reads these fields here).
  const require = createRequire(import.meta.url);
  const { AppUpdater } = require('electron-updater/out/AppUpdater') as {
    AppUpdater: new (options: null, app: unknown) => { channel: string | null; allowPrerelease: boolean; allowDowngrade: boolean; autoDownload: boolean; autoInstallOnAppQuit: boolean };
  };
  const fakeApp = (version: string) => ({
    version,
    name: 'balcao',
    isPackaged: true,
    appUpdateConfigPath: '/nonexistent/app-update.yml',
    userDataPath: '/tmp',
    baseCachePath: '/tmp',
    whenReady: () => Promise.resolve(),
    quit() {},
    relaunch() {},
    onQuit() {},
  });

  it('sets the channel without the downgrade electron-updater switches on with it', () => {
    const updater = new AppUpdater(null, fakeApp('1.3.0-beta.2'));
    applyUpdaterOptions(updater, updaterOptions({ channel: 'latest', held: false }));
    // Leaving beta for latest waits for a stable release newer than the beta: an older version could not open this database.
    expect(updater.channel).toBe('latest');
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.allowPrerelease).toBe(false);

    applyUpdaterOptions(updater, updaterOptions({ channel: 'beta', held: true }));
    expect(updater.channel).toBe('beta');
    expect(updater.allowPrerelease).toBe(true);
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });
});

describe('updateErrorMessage', () => {
  it('explains the usual failures in Portuguese and says the running version stays', () => {
    const signature = Object.assign(new Error('New version 1.2.0 is not signed by the application owner'), { code: 'ERR_UPDATER_INVALID_SIGNATURE' });
    expect(updateErrorMessage(signature)).toMatch(/não está assinada pelo mesmo editor/);
    const channel = Object.assign(new Error('Cannot find channel "beta.yml"'), { code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' });
    expect(updateErrorMessage(channel)).toMatch(/não tem este canal/);
    expect(updateErrorMessage(Object.assign(new Error('getaddrinfo ENOTFOUND updates.example.com'), { code: 'ENOTFOUND' }))).toMatch(/Sem conexão com o servidor de atualizações/);
    expect(updateErrorMessage(new Error('net::ERR_INTERNET_DISCONNECTED'))).toMatch(/Sem conexão/);
    expect(updateErrorMessage(new Error('sha512 checksum mismatch'))).toMatch(/A atualização falhou \(sha512 checksum mismatch\)/);
    for (const error of [signature, channel, new Error('x'), 'texto']) expect(updateErrorMessage(error)).toMatch(/continua nesta versão/);
  });
});

describe('compareVersions', () => {
  it('orders versions as semver does, prereleases before their release', () => {
    const sorted = ['1.10.0', '1.2.0', '1.3.0-beta.1', '1.3.0', '1.3.0-beta.10', '1.3.0-beta.2', '0.9.9', '1.3.0-alpha.1'].sort(compareVersions);
    expect(sorted).toEqual(['0.9.9', '1.2.0', '1.3.0-alpha.1', '1.3.0-beta.1', '1.3.0-beta.2', '1.3.0-beta.10', '1.3.0', '1.10.0']);
    expect(compareVersions('1.2.0', '1.2.0')).toBe(0);
  });
});
