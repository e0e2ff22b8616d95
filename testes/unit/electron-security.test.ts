import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  contentTypeFor,
  isAllowedNavigation,
  isInvokeRequest,
  isPermissionAllowed,
  isTrustedSender,
  nativeBindingPath,
  resolveProtocolPath,
  secureWebPreferences,
  subscriptionToken,
} from '../../electron/security.js';

describe('isTrustedSender', () => {
  it('accepts only the main frame of balcao://app', () => {
    expect(isTrustedSender('balcao://app/index.html', true)).toBe(true);
    expect(isTrustedSender('balcao://app/', true)).toBe(true);
    expect(isTrustedSender('balcao://app/caixa?x=1#y', true)).toBe(true);
  });

  it('refuses subframes, even of our own origin', () => {
    expect(isTrustedSender('balcao://app/index.html', false)).toBe(false);
  });

  it('refuses other schemes and origins', () => {
    for (const url of [
      'file:///work/main/build/renderer/index.html',
      'http://127.0.0.1:5178/',
      'https://app/index.html',
      'balcao://evil/index.html',
      'balcao://app.evil/index.html',
      'balcao://app:8080/index.html',
      'balcao://user@app/index.html',
      'balcao://evil@app/',
      'about:blank',
      'data:text/html,<script>1</script>',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(isTrustedSender(url, true), url).toBe(false);
    }
  });

  it('refuses a missing or malformed URL', () => {
    expect(isTrustedSender(undefined, true)).toBe(false);
    expect(isTrustedSender(null, true)).toBe(false);
    expect(isTrustedSender('', true)).toBe(false);
    expect(isTrustedSender('not a url', true)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows our own origin', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation('balcao://app/relatorios')).toBe(true);
  });

  it('refuses anything off-origin', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5178/',
      'file:///etc/passwd',
      'balcao://evil/',
      'javascript:alert(1)',
      'about:blank',
      'mailto:a@b.c',
      '',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });
});

describe('resolveProtocolPath', () => {
  const root = resolve('/srv/balcao/renderer');

  it('maps files under the renderer root', () => {
    expect(resolveProtocolPath('balcao://app/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveProtocolPath('balcao://app/assets/index-abc123.js', root)).toBe(join(root, 'assets', 'index-abc123.js'));
    expect(resolveProtocolPath('balcao://app/assets/a%20b.css?v=2#x', root)).toBe(join(root, 'assets', 'a b.css'));
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveProtocolPath('balcao://app/', root)).toBe(join(root, 'index.html'));
  });

  it('never leaves the root', () => {
    for (const url of [
      'balcao://app/../secret.txt',
      'balcao://app/assets/../../secret.txt',
      'balcao://app/%2e%2e/secret.txt',
      'balcao://app/%2E%2E/%2E%2E/etc/passwd',
      'balcao://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'balcao://app/..%2fsecret.txt',
      'balcao://app/./index.html',
      'balcao://app/..\\secret.txt',
      'balcao://app/assets%5c..%5c..%5csecret.txt',
      'balcao://app//etc/passwd',
      'balcao://app/%2fetc/passwd',
      'balcao://app/C:/Windows/win.ini',
      'balcao://app/C%3A%5CWindows%5Cwin.ini',
      'balcao://app/index.html%00.png',
      'balcao://app/index.html\0',
      'balcao://app/%E0%A4%A', // malformed escape
    ]) {
      expect(resolveProtocolPath(url, root), url).toBeNull();
    }
  });

  it('refuses other origins and schemes', () => {
    expect(resolveProtocolPath('balcao://evil/index.html', root)).toBeNull();
    expect(resolveProtocolPath('file:///srv/balcao/renderer/index.html', root)).toBeNull();
    expect(resolveProtocolPath('http://127.0.0.1/index.html', root)).toBeNull();
  });

  it('returns a path inside the root for every accepted URL', () => {
    const accepted = ['balcao://app/a/b/c.js', 'balcao://app/a//b.js', 'balcao://app/%252e%252e/x'];
    for (const url of accepted) {
      const file = resolveProtocolPath(url, root);
      expect(file, url).not.toBeNull();
      expect(file!.startsWith(root + sep), url).toBe(true);
    }
  });
});

describe('contentTypeFor', () => {
  it('gives browsers the types module scripts and styles need', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/assets/index-1.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/assets/index-1.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/r/logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/r/font.woff2')).toBe('font/woff2');
  });

  it('never guesses a type for unknown files', () => {
    expect(contentTypeFor('/r/dados.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('/r/LEIAME')).toBe('application/octet-stream');
  });
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node', () => {
    const prefs = secureWebPreferences('/app/build/electron/preload.cjs');
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/build/electron/preload.cjs');
  });
});

describe('nativeBindingPath', () => {
  it('uses the copy shipped in resources when packaged', () => {
    expect(nativeBindingPath({ isPackaged: true, resourcesPath: '/opt/Balcao/resources', appRoot: '/ignored' })).toBe(
      join('/opt/Balcao/resources', 'native', 'better_sqlite3.node'),
    );
  });

  it('uses the Electron build under build/native in development, never node_modules', () => {
    const path = nativeBindingPath({ isPackaged: false, resourcesPath: '/ignored', appRoot: '/work/balcao' });
    expect(path).toBe(join('/work/balcao', 'build', 'native', 'electron', 'better_sqlite3.node'));
    expect(path).not.toContain('node_modules');
  });
});

describe('isInvokeRequest', () => {
  it('accepts the bridge shape', () => {
    expect(isInvokeRequest({ operation: 'system.ping', input: {}, token: null })).toBe(true);
    expect(isInvokeRequest({ operation: 'users.list', input: undefined, token: 'abc' })).toBe(true);
  });

  it('refuses anything else', () => {
    for (const value of [
      null,
      undefined,
      'system.ping',
      [],
      { input: {}, token: null },
      { operation: '', input: {}, token: null },
      { operation: 42, input: {}, token: null },
      { operation: 'x'.repeat(101), input: {}, token: null },
      { operation: 'system.ping', input: {} },
      { operation: 'system.ping', input: {}, token: 7 },
    ]) {
      expect(isInvokeRequest(value), JSON.stringify(value) ?? String(value)).toBe(false);
    }
  });
});

describe('subscriptionToken', () => {
  it('takes the token of a subscribe request', () => {
    expect(subscriptionToken({ token: 'abc' })).toBe('abc');
  });

  it('refuses a missing, empty or odd token', () => {
    expect(subscriptionToken(null)).toBeNull();
    expect(subscriptionToken({})).toBeNull();
    expect(subscriptionToken({ token: '' })).toBeNull();
    expect(subscriptionToken({ token: 1 })).toBeNull();
    expect(subscriptionToken({ token: 'x'.repeat(201) })).toBeNull();
  });
});

describe('isPermissionAllowed', () => {
  it('refuses every device, sensor and capture permission, even to our own page', () => {
    for (const permission of [
      'media',
      'display-capture',
      'geolocation',
      'notifications',
      'clipboard-read',
      'deprecated-sync-clipboard-read',
      'hid',
      'serial',
      'usb',
      'midi',
      'midiSysex',
      'fullscreen',
      'pointerLock',
      'openExternal',
      'fileSystem',
      'local-fonts',
      'idle-detection',
      'window-management',
      'unknown',
    ]) {
      expect(isPermissionAllowed(permission, 'balcao://app/index.html'), permission).toBe(false);
    }
  });

  it('lets only our own page write text to the clipboard (copying a PIX code)', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'balcao://app/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'balcao://app/')).toBe(true);
    for (const origin of ['https://evil.example/', 'balcao://evil/', 'balcao://user@app/', 'file:///index.html', '', null, undefined]) {
      expect(isPermissionAllowed('clipboard-sanitized-write', origin), String(origin)).toBe(false);
    }
  });
});
