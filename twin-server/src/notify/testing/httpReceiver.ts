import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the receiver got. */
export interface ReceivedRequest {
  method: string;
  /** The request target as sent (path and raw query). */
  target: string;
  /** The path without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The body as UTF-8 text, and parsed when it is JSON. */
  body: string;
  json: unknown;
}

/** How the receiver answers: a status and JSON body, or never. */
export type Reply = { status: number; json: unknown } | 'never';

const OK: Reply = { status: 200, json: { errcode: 0, errmsg: 'ok' } };

/**
 * A local HTTP endpoint for notification tests: records every request and answers per path
 * (by default 200 `{"errcode":0,"errmsg":"ok"}`, which suits robots, webhooks and gateways).
 */
export class HttpReceiver {
  /** Every request received, in arrival order. */
  readonly requests: ReceivedRequest[] = [];
  private readonly replies = new Map<string, Reply[]>();

  private constructor(private readonly server: Server) {}

  /** Starts a receiver on 127.0.0.1 on a free port. */
  static async start(): Promise<HttpReceiver> {
    const server = createServer();
    const receiver = new HttpReceiver(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const body = Buffer.concat(chunks).toString('utf8');
        receiver.requests.push({ method: req.method ?? '', target: req.url ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body, json: parseJson(body) });
        const queue = receiver.replies.get(url.pathname) ?? [];
        const reply = (queue.length > 1 ? queue.shift() : queue[0]) ?? OK;
        if (reply === 'never') return;
        res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.json));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  /** The URL of a path on this receiver. */
  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** Answers the next requests to `path` with `replies` in turn, the last one from then on. */
  answer(path: string, ...replies: Reply[]): void {
    this.replies.set(path, replies);
  }

  /** The requests to one path. */
  requestsTo(path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** Stops the receiver, dropping connections left waiting for an answer. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
