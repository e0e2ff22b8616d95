import electronUpdater from 'electron-updater';
import type { AppOptions } from '../src/app.js';
import { applyUpdaterOptions } from '../src/updates/update-rules.js';
import type { UpdateDriver } from '../src/updates/updater.js';
import { electronLog } from './electron-logger.js';

/**
 * electron-updater behind the core's update port. The core decides when to check, whether to download
 * and when to install (src/updates/updater.ts); this only translates. The feed is the one written into
 * the package at packaging time (app-update.yml, from BALCAO_UPDATE_URL, https only).
 */
export function electronUpdateDriver(): UpdateDriver {
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = electronLog;
  autoUpdater.autoDownload = true;
  // A downloaded update also installs when the app is closed (the end of the day), unless held.
  autoUpdater.autoInstallOnAppQuit = true;
  return {
    currentVersion: autoUpdater.currentVersion.version,
    configure: (options) => applyUpdaterOptions(autoUpdater, options),
    check: async () => {
      await autoUpdater.checkForUpdates();
    },
    // Silent, then the new version starts. On Windows the per-machine install asks for elevation (UAC).
    install: () => autoUpdater.quitAndInstall(true, true),
    onEvent(listener) {
      autoUpdater.on('update-available', (info) => listener({ type: 'available', version: info.version }));
      autoUpdater.on('update-not-available', () => listener({ type: 'not-available' }));
      autoUpdater.on('download-progress', (progress) => listener({ type: 'progress', percent: progress.percent }));
      autoUpdater.on('update-downloaded', (info) => listener({ type: 'downloaded', version: info.version }));
      autoUpdater.on('error', (error) => listener({ type: 'error', error }));
    },
  };
}

/** Only the installed app updates itself; run from the sources (npm start), updates come with the installer. */
export function desktopUpdates(isPackaged: boolean): Pick<AppOptions, 'updates'> {
  return isPackaged ? { updates: { driver: electronUpdateDriver() } } : {};
}
