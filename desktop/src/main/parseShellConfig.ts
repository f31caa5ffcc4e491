/** The shell's command line and environment. */
import { SHELL_LANGUAGES } from '../shared/shellApi.ts';

/** Where the twin server is when nothing says otherwise: `twin start`'s default. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8080/';

/** What the shell was asked to do. */
export interface ShellConfig {
  /**
   * The twin server's root URL: it serves the renderer and the API on one origin, which is the
   * app's origin. Normalised to `<origin>/`.
   */
  serverUrl: URL;
  /** `--lang`, as given; `resolveShellLanguage` turns it into a language. */
  requestedLanguage: string | undefined;
  /** `--dev-tools`: allow the developer tools (off by default). */
  devTools: boolean;
  /** `--user-data-dir`: where the window layout and the browser profile go, instead of the default. */
  userDataDir: string | undefined;
}

/**
 * Reads `--server-url <url>` (or `TWIN_SERVER_URL`), `--lang <tag>`, `--user-data-dir <dir>` and
 * `--dev-tools`; options with a value also as `--name=value`. Chromium's own switches and the app path are ignored.
 *
 * @throws Error when the server URL is not an `http:` or `https:` URL without credentials, or
 *   `--lang` is not a supported language.
 */
export function parseShellConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ShellConfig {
  const serverUrl = serverRoot(optionValue(argv, '--server-url') ?? env['TWIN_SERVER_URL'] ?? DEFAULT_SERVER_URL);
  const requestedLanguage = optionValue(argv, '--lang');
  if (requestedLanguage !== undefined && !/^(zh|en)([-_][A-Za-z0-9]+)*$/i.test(requestedLanguage)) {
    throw new Error(`--lang ${requestedLanguage}: the shell speaks ${SHELL_LANGUAGES.join(' and ')}`);
  }
  return { serverUrl, requestedLanguage, devTools: argv.includes('--dev-tools'), userDataDir: optionValue(argv, '--user-data-dir') };
}

function optionValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] as string;
    if (argument.startsWith(`${name}=`)) return argument.slice(name.length + 1);
    if (argument === name) return argv[i + 1];
  }
  return undefined;
}

function serverRoot(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`server URL ${JSON.stringify(text)} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`server URL ${url.href} must be http: or https:`);
  if (url.username !== '' || url.password !== '') throw new Error('server URL must not carry credentials');
  return new URL('/', url.origin);
}
