import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeServer, waitForServer } from './waitForServer.ts';

let server: Server | undefined;

async function serve(status: () => number): Promise<URL> {
  server = createServer((request, reply) => reply.writeHead(request.url === '/api/health' ? status() : 404).end('{}'));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
}

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPortUrl(): Promise<URL> {
  const url = await serve(() => 200);
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
  return url;
}

afterEach(() => new Promise((resolve) => (server === undefined ? resolve(undefined) : server.close(resolve))));

describe('probeServer', () => {
  it('is satisfied by a healthy server', async () => {
    expect(await probeServer(await serve(() => 200))).toBeUndefined();
  });

  it('says why a server is not usable', async () => {
    expect(await probeServer(await serve(() => 503))).toBe('HTTP 503');
    expect(await probeServer(await closedPortUrl())).toBe('ECONNREFUSED');
  });
});

describe('waitForServer', () => {
  it('resolves once the server becomes healthy', async () => {
    let probes = 0;
    const url = await serve(() => (++probes < 3 ? 503 : 200));
    await waitForServer(url, { intervalMs: 10 });
    expect(probes).toBe(3);
  });

  it('stops waiting when aborted', async () => {
    const url = await closedPortUrl();
    const controller = new AbortController();
    const waiting = waitForServer(url, { intervalMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('window closed')), 50);
    await expect(waiting).rejects.toThrow('window closed');
  });
});
