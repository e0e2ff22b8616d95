import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { extname, join } from 'node:path';
import type { App } from '../app.js';
import type { ErrorBody } from '../models/errors.js';
import type { LiveEvent } from '../services/event-hub.js';
import { shopNetworkAdmits } from '../services/devices/device-rules.js';
import { isThisComputer } from '../services/request-source.js';
import { describeContract } from './contract-schema.js';
import { SHOP_CERTIFICATE_PATH } from './shop-certificate.js';
import {
  allowedHosts,
  bearerToken,
  eventVisibleTo,
  isAllowedHost,
  isAllowedOrigin,
  operationFromPath,
  RENDERER_CSP,
  staticFilePath,
  takeRequest,
  type RequestBucket,
} from './http-security.js';

export interface HttpBridgeOptions {
  /** The built renderer (vite build output); without it only the API is served. */
  staticDir?: string;
  maxBodyBytes?: number;
  /** Shop-network addresses (besides loopback) the Host header may name; see shopNetworkHosts. */
  shopNetworkHosts?: readonly string[];
  limits?: Partial<AddressLimits>;
  /**
   * The shop-network listener (see ShopNetwork): HTTPS with the shop's certificate, serving paired
   * devices only. Without it, plain HTTP as on loopback.
   */
  tls?: { key: string; cert: string; ca?: string };
}

/** What one client address may hold open and send: a screen opens a few connections and one live stream. */
export interface AddressLimits {
  connectionsPerAddress: number;
  requestBurst: number;
  requestsPerSecond: number;
  /** Live streams one paired device may hold open at once (a reload opens the next before the last closes). */
  streamsPerDevice: number;
}

const DEFAULT_LIMITS: AddressLimits = { connectionsPerAddress: 32, requestBurst: 300, requestsPerSecond: 50, streamsPerDevice: 3 };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

/** How often the live channel says it is still there. */
const HEARTBEAT_MS = 10_000;
/**
 * A screen that stops reading (a tablet asleep on a dead Wi-Fi) is cut off once this much waits for it:
 * it reconnects and reads the current state, and the terminal never holds an unbounded queue for it.
 */
export const STREAM_BACKLOG_BYTES = 1 << 20;

/** An event as the stream sends it, made once however many screens hear it. */
const framedEvents = new WeakMap<LiveEvent, string>();
function framed(event: LiveEvent): string {
  let frame = framedEvents.get(event);
  if (frame === undefined) {
    frame = `event: ${event.type}\ndata: ${JSON.stringify({ ...event.data, at: event.at })}\n\n`;
    framedEvents.set(event, frame);
  }
  return frame;
}

/**
 * Browser mode's transport: POST /api/<operation> with JSON, GET /api/contract, live events over
 * Server-Sent Events at /api/events, and the built renderer. Same dispatcher as the desktop.
 */
export function createHttpBridge(app: App, options: HttpBridgeOptions = {}): Server {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const contract = JSON.stringify(describeContract(app.dispatcher.registry));
  const hostsByPort = new Map<number, ReadonlySet<string>>();
  const hostsFor = (port: number) => {
    let hosts = hostsByPort.get(port);
    if (!hosts) hostsByPort.set(port, (hosts = allowedHosts(port, options.shopNetworkHosts)));
    return hosts;
  };

  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const buckets = new Map<string, RequestBucket>();

  const devicesOnly = Boolean(options.tls);
  const protocol = devicesOnly ? 'https:' : 'http:';
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      app.logger.error('Falha na ponte HTTP', { error, path: new URL(request.url ?? '/', 'http://balcao.local').pathname });
      if (!response.headersSent) sendJson(response, 500, { error: { code: 'INTERNAL', message: 'Erro interno.' } });
      else response.end();
    });
  };
  const server: Server = options.tls ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, onRequest) : createServer(onRequest);
  const streamsByDevice = new Map<string, number>();

  // Connections beyond the cap of another device are closed at once; live streams hold theirs, so they count.
  const openConnections = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    if (isThisComputer(address)) return;
    const open = (openConnections.get(address) ?? 0) + 1;
    if (open > limits.connectionsPerAddress) return socket.destroy();
    openConnections.set(address, open);
    socket.on('close', () => {
      const left = (openConnections.get(address) ?? 1) - 1;
      if (left > 0) openConnections.set(address, left);
      else openConnections.delete(address);
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const address = request.socket.remoteAddress ?? 'unknown';
    // The counter itself is never slowed down; other devices share nothing but their own allowance.
    const taken = isThisComputer(address) ? null : takeRequest(buckets.get(address), performance.now(), limits.requestBurst, limits.requestsPerSecond);
    if (taken) buckets.set(address, taken.bucket);
    if (taken && !taken.allowed) return sendJson(response, 429, { error: { code: 'RATE_LIMITED', message: 'Muitas requisições deste aparelho. Aguarde um instante e tente de novo.' } });
    // An operation's path as the screens send it holds nothing a URL would normalise (no dots,
    // escapes or query): it is read as it is, and a sale builds no URL. Any other path is normalised.
    const plainOperation = operationFromPath(request.url ?? '');
    const url = plainOperation ? null : new URL(request.url ?? '/', 'http://balcao.local');
    const pathname = url ? url.pathname : request.url!;
    // DNS rebinding: a page on another name that resolves here is refused, whatever it asks for.
    const hosts = hostsFor(request.socket.localPort ?? 0);
    if (!isAllowedHost(request.headers.host, hosts)) {
      return sendJson(response, 403, { error: { code: 'FORBIDDEN', message: 'Endereço não permitido. Abra o Balcão pelo endereço configurado.' } });
    }
    if (pathname.startsWith('/api/')) {
      if (!isAllowedOrigin(request.headers.origin, hosts, protocol)) {
        return sendJson(response, 403, { error: { code: 'FORBIDDEN', message: 'Origem não permitida.' } });
      }
      if (pathname === '/api/contract' && request.method === 'GET') return sendRaw(response, 200, contract);
      if (url && pathname === '/api/events' && request.method === 'GET') return streamEvents(url, response);
      const operation = plainOperation ?? operationFromPath(pathname);
      if (!operation) return sendJson(response, 404, { error: { code: 'UNKNOWN_OPERATION', message: 'Rota desconhecida.' } });
      const token = bearerToken(request.headers.authorization);
      if (devicesOnly) {
        const session = token ? app.dispatcher.liveSession(token) : undefined;
        if (!shopNetworkAdmits(operation, session)) return sendJson(response, 403, { error: { code: 'FORBIDDEN', message: 'Aparelho não pareado. Peça a um gerente para confirmar o código deste aparelho no caixa.' } });
        // A device has its own allowance besides its address's: moving to another address gives it no more.
        const deviceKey = session?.device ? `device:${session.device.id}` : null;
        const taken = deviceKey ? takeRequest(buckets.get(deviceKey), performance.now(), limits.requestBurst, limits.requestsPerSecond) : null;
        if (deviceKey && taken) buckets.set(deviceKey, taken.bucket);
        if (taken && !taken.allowed) return sendJson(response, 429, { error: { code: 'RATE_LIMITED', message: 'Muitas requisições deste aparelho. Aguarde um instante e tente de novo.' } });
      }
      if (request.method !== 'POST') {
        response.setHeader('allow', 'POST');
        return sendJson(response, 405, { error: { code: 'VALIDATION', message: 'Use POST com um corpo JSON.', field: 'method' } });
      }
      let input: unknown;
      try {
        input = await readJson(request, maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyError) return sendJson(response, error.status, { error: error.body });
        throw error;
      }
      const outcome = await app.dispatcher.dispatch(operation, input, token, address);
      return outcome.ok ? sendJson(response, 200, outcome.result) : sendJson(response, outcome.status, { error: outcome.error });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { error: { code: 'VALIDATION', message: 'Método não permitido.' } });
    // The shop's certificate, for a tablet to trust (docs/shop-network.md): public, like any certificate.
    if (options.tls?.ca && pathname === SHOP_CERTIFICATE_PATH) {
      response.writeHead(200, { ...BASE_HEADERS, 'content-type': 'application/x-x509-ca-cert', 'content-disposition': 'attachment; filename="balcao-loja.crt"' });
      return response.end(options.tls.ca);
    }
    return serveStatic(pathname, response);
  }

  function streamEvents(url: URL, response: ServerResponse) {
    const token = url.searchParams.get('token');
    const session = token ? app.dispatcher.liveSession(token) : undefined;
    if (!session) return sendJson(response, 401, { error: { code: 'UNAUTHENTICATED', message: 'Sessão encerrada. Entre de novo com seu PIN.' } });
    // A locked screen hears nothing until its PIN is typed again; the screen then opens a new stream.
    if (session.locked) return sendJson(response, 423, { error: { code: 'SESSION_LOCKED', message: 'Tela bloqueada. Digite seu PIN para continuar.' } });
    if (devicesOnly && !session.device) return sendJson(response, 403, { error: { code: 'FORBIDDEN', message: 'Aparelho não pareado.' } });
    const deviceId = session.device?.id;
    if (deviceId && (streamsByDevice.get(deviceId) ?? 0) >= limits.streamsPerDevice) {
      return sendJson(response, 429, { error: { code: 'RATE_LIMITED', message: 'Este aparelho já tem telas demais abertas.' } });
    }
    if (deviceId) streamsByDevice.set(deviceId, (streamsByDevice.get(deviceId) ?? 0) + 1);
    response.writeHead(200, { ...BASE_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': conectado\n\n');
    let closed = false;
    const deliver = (event: LiveEvent) => {
      if (closed) return;
      if (!app.dispatcher.liveSession(session.token)) return close();
      if (eventVisibleTo(event.type, session, event.data)) send(framed(event));
      // The screen hears that it locked (so it shows the PIN pad), then the stream stops.
      if (session.locked) close();
    };
    const send = (frame: string) => {
      response.write(frame);
      if (response.writableLength > STREAM_BACKLOG_BYTES) {
        close();
        response.destroy();
      }
    };
    // A device on the shop's Wi-Fi hears a sale once the counter has its answer: the counter never waits on its screens.
    const unsubscribe = app.events.subscribe(devicesOnly ? (event) => void setImmediate(deliver, event) : deliver);
    // A heartbeat the screens can hear: silence tells them the channel is lost (renderer/src/bridge.ts). A
    // session that ended meanwhile with no event to say so (a cook left idle, the day turned) stops here.
    const keepAlive = setInterval(() => (app.dispatcher.liveSession(session.token) ? send('event: ping\ndata: {}\n\n') : close()), HEARTBEAT_MS);
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(keepAlive);
      unsubscribe();
      if (deviceId) streamsByDevice.set(deviceId, (streamsByDevice.get(deviceId) ?? 1) - 1);
      response.end();
    };
    response.on('close', close);
  }

  function serveStatic(pathname: string, response: ServerResponse) {
    const root = options.staticDir;
    const relative = staticFilePath(pathname);
    if (!root || !relative) return sendJson(response, 404, { error: { code: 'NOT_FOUND', message: 'Página não encontrada.' } });
    let file = join(root, relative);
    // Client-side routes (no extension) get the app shell.
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (extname(relative)) return sendJson(response, 404, { error: { code: 'NOT_FOUND', message: 'Arquivo não encontrado.' } });
      file = join(root, 'index.html');
      if (!existsSync(file)) return sendJson(response, 404, { error: { code: 'NOT_FOUND', message: 'A interface não foi gerada (rode npm run build).' } });
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const immutable = relative.startsWith('assets/');
    response.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': type,
      'content-security-policy': RENDERER_CSP,
      'x-frame-options': 'DENY',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(response);
  }

  return server;
}

// A result served again unchanged (the catalog snapshot, frozen until the catalog changes) is serialized once.
const serialized = new WeakMap<object, string>();

function sendJson(response: ServerResponse, status: number, body: unknown) {
  if (body === null || typeof body !== 'object' || !Object.isFrozen(body)) return sendRaw(response, status, JSON.stringify(body));
  let json = serialized.get(body);
  if (json === undefined) {
    json = JSON.stringify(body);
    serialized.set(body, json);
  }
  sendRaw(response, status, json);
}

function sendRaw(response: ServerResponse, status: number, json: string) {
  response.writeHead(status, { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(json);
}

async function readJson(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyError(413, { code: 'VALIDATION', message: 'O corpo da requisição é grande demais.', field: 'body' });
    chunks.push(chunk);
  }
  if (size === 0) return {};
  // A form post from another site cannot send application/json without a preflight we never answer.
  if (!/^application\/json\b/i.test(type)) {
    throw new BodyError(415, { code: 'VALIDATION', message: 'Envie o corpo como application/json.', field: 'body' });
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BodyError(400, { code: 'VALIDATION', message: 'O corpo da requisição não é um JSON válido.', field: 'body' });
  }
}
