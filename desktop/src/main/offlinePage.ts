/**
 * The page a window shows while the twin server cannot be reached, served from the shell's own
 * `twin://app/offline`: static, no script (the main process reloads the app once the server
 * answers), a CSP that allows nothing but its own inline style.
 */
import { createHash } from 'node:crypto';
import type { ShellStrings } from './shellStrings.ts';

const STYLE =
  'body{font:16px/1.6 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#0b1f33;color:#e3f2fd}' +
  'main{max-width:40rem;padding:2rem}h1{font-size:1.4rem}code{color:#90caf9;word-break:break-all}.reason{opacity:.7}';

/** The offline page's Content-Security-Policy. */
export const OFFLINE_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** What the page says: which server, and why it is unreachable. */
export interface OfflineState {
  serverUrl: URL;
  /** The last failure, e.g. `ERR_CONNECTION_REFUSED`. */
  reason: string;
}

/** The page's HTML, every interpolated value escaped. */
export function offlinePageHtml(state: OfflineState, strings: ShellStrings, language: string): string {
  const text = strings.offline;
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(text.title)}</title><style>${STYLE}</style></head>`,
    `<body><main><h1>${escapeHtml(text.cannotReach)} <code>${escapeHtml(state.serverUrl.origin)}</code></h1>`,
    `<p>${escapeHtml(text.retrying)}</p>`,
    `<p class="reason">${escapeHtml(text.reason)}: ${escapeHtml(state.reason)}</p></main></body></html>`,
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
