/**
 * The page the system browser shows when the identity provider sends it back to the shell's
 * loopback address: bilingual, static, with a CSP that allows nothing but its own style.
 */
import { createHash } from 'node:crypto';

const STYLE =
  'body{font:16px/1.6 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#0b1f33;color:#e3f2fd}' +
  'main{max-width:36rem;padding:2rem}h1{font-size:1.4rem}p{margin:.5rem 0}';

/** The page's Content-Security-Policy: no scripts, no requests, its inline style by hash. */
export const SIGN_IN_RESULT_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const TEXT = {
  success: {
    title: '登录完成 · Signed in',
    zh: '已登录。您可以关闭此标签页，返回智慧社区数字孪生运营中心。',
    en: 'You are signed in. You can close this tab and return to the operations center.',
  },
  failure: {
    title: '登录未完成 · Sign-in did not complete',
    zh: '登录未完成。请关闭此标签页，在运营中心重新登录。',
    en: 'Sign-in did not complete. Close this tab and sign in again from the operations center.',
  },
} as const;

/** The HTML of the page for a sign-in that succeeded or failed. */
export function signInResultPage(outcome: 'success' | 'failure'): string {
  const text = TEXT[outcome];
  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${text.title}</title><style>${STYLE}</style></head>`,
    `<body><main><h1>${text.title}</h1><p>${text.zh}</p><p lang="en">${text.en}</p></main></body></html>`,
  ].join('\n');
}
