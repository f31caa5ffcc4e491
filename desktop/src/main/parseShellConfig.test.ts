import { describe, expect, it } from 'vitest';
import { parseShellConfig } from './parseShellConfig.ts';

const electronArgv = ['/opt/electron/electron', '/repo/desktop/dist/main/main.js'];

describe('parseShellConfig', () => {
  it('defaults to the twin server of `npm start`', () => {
    const config = parseShellConfig(electronArgv, {});
    expect(config.serverUrl.href).toBe('http://127.0.0.1:8080/');
    expect(config).toMatchObject({ requestedLanguage: undefined, devTools: false, userDataDir: undefined });
  });

  it('reads --server-url in both spellings and prefers it to TWIN_SERVER_URL', () => {
    const env = { TWIN_SERVER_URL: 'http://10.0.0.5:9000' };
    expect(parseShellConfig([...electronArgv, '--server-url=https://twin.example.cn'], env).serverUrl.href).toBe('https://twin.example.cn/');
    expect(parseShellConfig([...electronArgv, '--server-url', 'http://127.0.0.1:8181'], env).serverUrl.href).toBe('http://127.0.0.1:8181/');
    expect(parseShellConfig(electronArgv, env).serverUrl.href).toBe('http://10.0.0.5:9000/');
  });

  it('keeps only the origin of the server URL: the app is served at its root', () => {
    expect(parseShellConfig([...electronArgv, '--server-url=http://127.0.0.1:8080/some/page?x=1#/alarms'], {}).serverUrl.href).toBe('http://127.0.0.1:8080/');
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'twin://app/', 'not a url', 'http://user:secret@127.0.0.1:8080/'])(
    'refuses the server URL %s',
    (url) => {
      expect(() => parseShellConfig([...electronArgv, `--server-url=${url}`], {})).toThrow(/server URL/);
    },
  );

  it('reads --lang, --user-data-dir and --dev-tools', () => {
    const config = parseShellConfig([...electronArgv, '--lang=en', '--user-data-dir', '/tmp/profile', '--dev-tools'], {});
    expect(config).toMatchObject({ requestedLanguage: 'en', userDataDir: '/tmp/profile', devTools: true });
  });

  it('refuses a language the shell does not speak', () => {
    expect(() => parseShellConfig([...electronArgv, '--lang=fr'], {})).toThrow(/zh-CN and en/);
  });
});
