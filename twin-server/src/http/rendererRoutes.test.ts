import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from './contentSecurityPolicy.ts';
import { rendererRoutes } from './rendererRoutes.ts';

describe('renderer routes', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'twin-renderer-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>运营中心</title></html>');
    await writeFile(join(dir, 'assets', 'index-B1x9_kQz.js'), 'export {};');
    await writeFile(join(dir, '.env'), 'SECRET=1');
    await writeFile(join(tmpdir(), 'twin-renderer-outside.txt'), 'outside');
    app = Fastify();
    app.get('/api/health', async () => ({ status: 'ok' }));
    rendererRoutes(app, { rendererDir: dir });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
    await rm(join(tmpdir(), 'twin-renderer-outside.txt'), { force: true });
  });

  it('serves index.html at / with the CSP and hardening headers, never cached', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('运营中心');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves index.html for the single sign-on redirect back to / with code and state', async () => {
    const response = await app.inject({ method: 'GET', url: '/?code=abc&state=xyz' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('运营中心');
  });

  it('serves content-hashed assets as immutable, with the headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-B1x9_kQz.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 for missing files, dotfiles and paths outside the directory', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/.env' })).statusCode).not.toBe(200);
    const outside = await app.inject({ method: 'GET', url: '/..%2Ftwin-renderer-outside.txt' });
    expect(outside.statusCode).not.toBe(200);
    expect(outside.body).not.toContain('outside');
  });

  it('leaves the API routes of the parent context without the renderer headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toBeUndefined();
  });
});

describe('content security policy', () => {
  it('allows only the own origin for scripts, connections and frames, and wasm compilation', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/ 'unsafe-eval'|https?:/);
  });

  it('adds the server origin to connect-src for a shell that loads the renderer from elsewhere', () => {
    expect(contentSecurityPolicy(['http://127.0.0.1:8080', 'ws://127.0.0.1:8080'])).toContain("connect-src 'self' http://127.0.0.1:8080 ws://127.0.0.1:8080;");
  });
});
