import { app as electronApp, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, type IpcMainInvokeEvent, type Session, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type App } from '../src/app.js';
import { defaultDataDir, LOGS_DIR } from '../src/database/data-dir.js';
import { DatabaseTooNewError } from '../src/database/migrations/index.js';
import type { DispatchResult } from '../src/ipc/dispatcher.js';
import { RENDERER_CSP } from '../src/ipc/http-security.js';
import type { Logger } from '../src/logs/logger.js';
import type { LiveEvent } from '../src/services/event-hub.js';
import { LOCAL_SOURCE } from '../src/services/request-source.js';
import { BusinessError } from '../src/exceptions/business-error.js';
import { fileSecretStore, PLAIN_SECRETS_FILE, SEALED_SECRETS_FILE, type SecretStore } from '../src/database/secret-store.js';
import { SAVED_CONNECTION_FILE, savedConnection } from '../src/sync/sync-connection.js';
import { unsealed, type Cipher } from '../src/utils/sealed-file.js';
import { createElectronLogger } from './electron-logger.js';
import { desktopUpdates } from './updater.js';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  contentTypeFor,
  isAllowedNavigation,
  isInvokeRequest,
  isPermissionAllowed,
  isTrustedSender,
  nativeBindingPath,
  resolveProtocolPath,
  secureWebPreferences,
  subscriptionToken,
} from './security.js';
import { eventVisibleTo } from '../src/ipc/http-security.js';
import { readDisplayConfig } from '../src/database/queries/display.js';
import { CUSTOMER_DISPLAY_URL, customerMonitorBounds } from './customer-window.js';

/** The desktop shell: one window, our own protocol, the core behind IPC. Compiled to build/electron/main.js. */

const here = dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = resolve(here, '..', 'renderer');
const PRELOAD = join(here, 'preload.cjs');
const APP_ROOT = resolve(here, '..', '..');

// Why: privileges must be registered before `ready`; standard + secure give the page a real origin for CSP 'self'.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let core: App | null = null;
let logger: Logger | null = null;
let mainWindow: BrowserWindow | null = null;
let customerWindow: BrowserWindow | null = null;

const FORBIDDEN: DispatchResult = { ok: false, status: 403, error: { code: 'FORBIDDEN', message: 'Origem não permitida.' } };
const BAD_REQUEST: DispatchResult = { ok: false, status: 400, error: { code: 'VALIDATION', message: 'Pedido inválido.', field: 'request' } };
const UNAUTHENTICATED: DispatchResult = {
  ok: false,
  status: 401,
  error: { code: 'UNAUTHENTICATED', message: 'Sessão encerrada. Entre de novo com seu PIN.' },
};
const NOT_READY: DispatchResult = { ok: false, status: 503, error: { code: 'INTERNAL', message: 'O Balcão está fechando.' } };

// Why: two instances would be two writers on one SQLite file and two windows on one counter.
if (!electronApp.requestSingleInstanceLock()) {
  electronApp.quit();
} else {
  electronApp.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  electronApp.on('web-contents-created', (_event, contents) => harden(contents));
  electronApp.on('window-all-closed', () => electronApp.quit());
  electronApp.on('before-quit', closeCore);
  electronApp.whenReady().then(start).catch(fatal);
}

async function start(): Promise<void> {
  const dataDir = defaultDataDir();
  logger = createElectronLogger({ dir: join(dataDir, LOGS_DIR) });
  logger.info('Iniciando o Balcão (desktop)', { version: electronApp.getVersion(), electron: process.versions.electron, dataDir });

  const nativeBinding = nativeBindingPath({ isPackaged: electronApp.isPackaged, resourcesPath: process.resourcesPath, appRoot: APP_ROOT });
  if (!existsSync(nativeBinding)) {
    throw new Error(`O módulo do banco de dados para o Electron não foi encontrado em ${nativeBinding}. Rode "npm start" para gerá-lo.`);
  }
  const connections = savedConnection(join(dataDir, SAVED_CONNECTION_FILE), keyStoreCipher);
  core = await createApp({
    dataDir,
    logger,
    nativeBinding,
    secrets: secretStore(dataDir, logger),
    sync: { connections },
    shopNetwork: { staticDir: RENDERER_DIR },
    ...desktopUpdates(electronApp.isPackaged),
    // Why: after a restore the whole app starts again, windows included, on the restored database.
    onRestarted: () => {
      electronApp.relaunch();
      electronApp.quit();
    },
  });

  refusePermissionsAndDevices(session.defaultSession);
  protocol.handle(APP_SCHEME, serveRenderer);
  registerIpc(core);
  if (electronApp.isPackaged) Menu.setApplicationMenu(null);
  createWindow();
  placeCustomerWindow();
  // Why: the window follows the admin's switch and the monitors plugged in, without a restart.
  screen.on('display-added', placeCustomerWindow);
  screen.on('display-removed', placeCustomerWindow);
  core.events.subscribe((event) => void (event.type === 'display.configured' && placeCustomerWindow()));
}

/** The customer's display on the second monitor, when the admin turned it on (electron/customer-window.ts decides where). */
function placeCustomerWindow(): void {
  if (!core || core.damaged) return;
  const mainId = screen.getPrimaryDisplay().id;
  const bounds = customerMonitorBounds(screen.getAllDisplays(), mainId, readDisplayConfig(core.db).secondWindow);
  if (!bounds) {
    customerWindow?.close();
    return;
  }
  if (customerWindow) return customerWindow.setBounds(bounds);
  const window = new BrowserWindow({ ...bounds, title: 'Balcão — cliente', frame: false, autoHideMenuBar: true, backgroundColor: '#ffffff', webPreferences: secureWebPreferences(PRELOAD) });
  customerWindow = window;
  window.on('closed', () => {
    if (customerWindow === window) customerWindow = null;
  });
  window.once('ready-to-show', () => window.setFullScreen(true));
  void window.loadURL(CUSTOMER_DISPLAY_URL).catch((error: unknown) => logger?.error('Falha ao abrir a tela do cliente', { error }));
}

/**
 * Why: the shop's connection string holds a password; the operating system's key store seals it on
 * disk. On Linux without a keyring Electron falls back to a fixed key ('basic_text'), which seals
 * nothing: refused, and browser mode's .env is the way there.
 */
const keyStoreSeals = () => safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');

const keyStoreCipher: Cipher = {
  encrypt(plain) {
    if (!keyStoreSeals()) {
      throw new BusinessError(
        'INVALID_STATE',
        'Este computador não tem um cofre de senhas (no Linux: GNOME Keyring ou KWallet) para guardar a conexão com segurança. Use o modo navegador com o arquivo .env.',
        'uri',
      );
    }
    return safeStorage.encryptString(plain);
  },
  decrypt: (sealed) => safeStorage.decryptString(sealed),
};

/**
 * Why: the webhook secrets and the shop key are sealed by the key store too. Without one (Linux
 * with no keyring) the shop must still run: they go to a file only this user can read, as in
 * browser mode, and stay there once it exists.
 */
function secretStore(dataDir: string, log: Logger): SecretStore {
  const plainFile = join(dataDir, PLAIN_SECRETS_FILE);
  if (keyStoreSeals() && !existsSync(plainFile)) return fileSecretStore(join(dataDir, SEALED_SECRETS_FILE), keyStoreCipher);
  log.warn('Sem cofre de senhas do sistema: os segredos ficam em um arquivo legível só por este usuário', { file: plainFile });
  return fileSecretStore(plainFile, unsealed);
}

function createWindow(): void {
  const window = new BrowserWindow({
    title: 'Balcão',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(PRELOAD),
  });
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
    // Why: the customer's window is no use without the counter's, and would keep the app running.
    customerWindow?.close();
  });
  void window.loadURL(APP_ENTRY_URL).catch((error: unknown) => logger?.error('Falha ao carregar a interface', { error }));
}

/**
 * Why: no camera, microphone, location, notifications or devices for a page we serve ourselves. Checks
 * are refused as well as requests (many web APIs only check), and a device chooser never picks one.
 */
function refusePermissionsAndDevices(ses: Session): void {
  ses.setPermissionRequestHandler((contents, permission, callback, details) => callback(isPermissionAllowed(permission, details.requestingUrl ?? contents.getURL())));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback(null);
  });
  ses.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  ses.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
}

/** Navigation, new windows and webviews are closed doors for every web contents, not only the main window. */
function harden(contents: WebContents): void {
  const guard = (details: { url: string; preventDefault(): void }) => {
    if (isAllowedNavigation(details.url)) return;
    details.preventDefault();
    logger?.warn('Navegação bloqueada', { url: details.url });
  };
  contents.on('will-navigate', guard);
  // Why: will-navigate sees only the top frame; an iframe must not wander off either.
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Why: left alone, Electron picks the first Bluetooth device found; an empty id cancels the request.
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}

/** balcao://app/<path> → the built renderer, with the same CSP as browser mode. */
async function serveRenderer(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Método não permitido.', { status: 405 });
  let file = resolveProtocolPath(request.url, RENDERER_DIR);
  if (!file) return new Response('Não encontrado.', { status: 404 });
  if (!(await isFile(file))) {
    // Why: client-side routes (no extension) get the app shell; a missing asset is a real 404.
    if (extname(file)) return new Response('Não encontrado.', { status: 404 });
    file = join(RENDERER_DIR, 'index.html');
    if (!(await isFile(file))) return new Response('A interface não foi gerada (rode npm run build).', { status: 404 });
  }
  const body = request.method === 'HEAD' ? null : await readFile(file);
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': contentTypeFor(file),
      'content-security-policy': RENDERER_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    },
  });
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Why: only our window's top frame, showing our own page, may reach the core. */
function trusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  const isMainFrame = !!frame && !!mainWindow && event.sender.id === mainWindow.webContents.id && frame.parent === null;
  const ok = isTrustedSender(frame?.url, isMainFrame);
  if (!ok) logger?.warn('Chamada IPC recusada: remetente não confiável', { url: frame?.url ?? null, isMainFrame });
  return ok;
}

function registerIpc(app: App): void {
  ipcMain.handle('pos:invoke', async (event, request: unknown): Promise<DispatchResult> => {
    if (!trusted(event)) return FORBIDDEN;
    if (!isInvokeRequest(request)) return BAD_REQUEST;
    if (!core) return NOT_READY;
    return app.dispatcher.dispatch(request.operation, request.input, request.token, LOCAL_SOURCE);
  });

  ipcMain.handle('pos:subscribe', (event, request: unknown): DispatchResult => {
    if (!trusted(event)) return FORBIDDEN;
    const token = subscriptionToken(request);
    if (!token) return BAD_REQUEST;
    if (!app.sessions.get(token)) return UNAUTHENTICATED;
    live.add(app, event.sender, token);
    return { ok: true, result: null };
  });

  ipcMain.handle('pos:unsubscribe', (event, request: unknown): DispatchResult => {
    if (!trusted(event)) return FORBIDDEN;
    const token = subscriptionToken(request);
    if (!token) return BAD_REQUEST;
    live.remove(event.sender, token);
    return { ok: true, result: null };
  });
}

/**
 * Live events to windows: one hub listener per web contents, forwarding while at least one of its
 * subscribed sessions still exists (a logout or an expired session stops the flow).
 */
class LiveForwarder {
  private readonly byContents = new Map<WebContents, { tokens: Set<string>; stop: () => void }>();
  private readonly watched = new WeakSet<WebContents>();

  add(app: App, contents: WebContents, token: string): void {
    const existing = this.byContents.get(contents);
    if (existing) {
      existing.tokens.add(token);
      return;
    }
    const tokens = new Set([token]);
    const stop = app.events.subscribe((event: LiveEvent) => {
      for (const t of tokens) if (!app.sessions.get(t)) tokens.delete(t);
      if (tokens.size === 0 || contents.isDestroyed()) return this.drop(contents);
      // A window holding only the customers' feedback session hears only that an order was paid.
      if (![...tokens].some((t) => eventVisibleTo(event.type, app.sessions.get(t) ?? { kiosk: true }, event.data))) return;
      contents.send('pos:event', { type: event.type, data: { ...event.data, at: event.at } });
    });
    this.byContents.set(contents, { tokens, stop });
    this.watch(contents);
  }

  remove(contents: WebContents, token: string): void {
    const entry = this.byContents.get(contents);
    if (!entry) return;
    entry.tokens.delete(token);
    if (entry.tokens.size === 0) this.drop(contents);
  }

  clear(): void {
    for (const contents of [...this.byContents.keys()]) this.drop(contents);
  }

  private drop(contents: WebContents): void {
    const entry = this.byContents.get(contents);
    if (!entry) return;
    entry.stop();
    this.byContents.delete(contents);
  }

  private watch(contents: WebContents): void {
    if (this.watched.has(contents)) return;
    this.watched.add(contents);
    contents.once('destroyed', () => this.drop(contents));
    // Why: a reload starts a new page with its own subscriptions; the old page's must not linger.
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) this.drop(contents);
    });
  }
}

const live = new LiveForwarder();

function closeCore(): void {
  live.clear();
  if (!core) return;
  try {
    core.close();
    logger?.info('Banco de dados fechado');
  } catch (error) {
    logger?.error('Falha ao fechar o banco de dados', { error });
  }
  core = null;
}

/** Why: a start-up failure (e.g. a database from a newer version) must be explained, never left as a blank window. */
function fatal(error: unknown): void {
  logger?.error('Falha ao iniciar o Balcão', { error });
  dialog.showErrorBox('O Balcão não pôde abrir', startupErrorMessage(error));
  closeCore();
  electronApp.quit();
}

function startupErrorMessage(error: unknown): string {
  if (error instanceof DatabaseTooNewError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  const logs = join(defaultDataDir(), LOGS_DIR);
  return `Não foi possível iniciar o Balcão: ${detail}\n\nOs detalhes estão no registro em ${logs}.`;
}
