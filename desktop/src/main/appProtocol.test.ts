import { describe, expect, it } from 'vitest';
import { appProtocolResponse, OFFLINE_PAGE_URL } from './appProtocol.ts';
import { OFFLINE_PAGE_CSP, offlinePageHtml } from './offlinePage.ts';
import { SHELL_STRINGS } from './shellStrings.ts';

const page = { html: '<p>offline</p>', contentSecurityPolicy: OFFLINE_PAGE_CSP };

describe('twin://app/ protocol', () => {
  it('serves the offline page with its CSP', async () => {
    const response = appProtocolResponse(OFFLINE_PAGE_URL, page);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(OFFLINE_PAGE_CSP);
    expect(await response.text()).toBe(page.html);
  });

  it.each(['twin://app/', 'twin://app/index.html', 'twin://app/offline/../../etc/passwd', 'twin://other/offline', 'twin://app/offline.html'])(
    'serves nothing else: %s',
    (url) => {
      expect(appProtocolResponse(url, page).status).toBe(404);
    },
  );
});

describe('offline page', () => {
  const serverUrl = new URL('http://127.0.0.1:8080/');

  it('names the server and the reason, in the shell language', () => {
    const zh = offlinePageHtml({ serverUrl, reason: 'ERR_CONNECTION_REFUSED' }, SHELL_STRINGS['zh-CN'], 'zh-CN');
    expect(zh).toContain('无法连接孪生服务器');
    expect(zh).toContain('http://127.0.0.1:8080');
    expect(zh).toContain('ERR_CONNECTION_REFUSED');
    expect(offlinePageHtml({ serverUrl, reason: 'x' }, SHELL_STRINGS.en, 'en')).toContain('Cannot reach the twin server');
  });

  it('escapes what it shows and runs no script', () => {
    const html = offlinePageHtml({ serverUrl, reason: '<img src=x onerror=alert(1)>' }, SHELL_STRINGS.en, 'en');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img');
    expect(html).not.toContain('<script');
  });
});
