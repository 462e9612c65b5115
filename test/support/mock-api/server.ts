/**
 * The loopback HTTP harness the provider mocks (anthropic.ts, openai.ts, gemini.ts beside this file) are built
 * on: a server on 127.0.0.1 at a free port, a log of every request it got, server-sent events, and an address
 * where nothing listens (a refused connection). Nothing here reaches the internet.
 */
import http from 'node:http';
import net from 'node:net';

export interface MockRequest {
  method: string;
  /** The path and query, as sent. */
  url: string;
  headers: http.IncomingHttpHeaders;
  /** The body parsed as JSON, or its text when it is not JSON. */
  body: unknown;
}

export type MockHandler = (req: MockRequest, res: http.ServerResponse) => void | Promise<void>;

export interface Mock {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Every request so far, in order. */
  requests: MockRequest[];
  close(): Promise<void>;
}

export async function startMock(handler: MockHandler): Promise<Mock> {
  const requests: MockRequest[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        // Not JSON: kept as text.
      }
      const request: MockRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
      };
      requests.push(request);
      Promise.resolve(handler(request, res)).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`mock failed: ${String(error)}`);
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // A CLI may hold a keep-alive connection (or a slow answer) open: close cuts them.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A JSON answer with its status. */
export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A server-sent event stream: each event as `event: <name>` (when given) and `data: <json>`. */
export function sendEvents(
  res: http.ServerResponse,
  events: { event?: string; data: unknown }[],
  headers: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers });
  for (const { event, data } of events) {
    if (event !== undefined) res.write(`event: ${event}\n`);
    res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
  }
  res.end();
}

/** An address where nothing listens: a port taken from the kernel and released, so a connection is refused. */
export async function refusedUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
