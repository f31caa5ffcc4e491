/**
 * `electron-builder.yml` against what electron-builder expects: each key used is one of its
 * configuration (`app-builder-lib/scheme.json`; unknown keys fail, as they fail there), with a
 * value of the right type, and the paths it names exist. electron-builder itself is not a
 * dependency of the repository, and neither is a YAML library: the file keeps to a small YAML
 * subset that `readYamlSubset` below reads and refuses anything beyond.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

interface YamlLine {
  indent: number;
  text: string;
  number: number;
}

/** Block mappings and sequences, flow sequences of scalars, plain and quoted scalars, comments. */
function readYamlSubset(source: string): YamlValue {
  const lines: YamlLine[] = [];
  source.split('\n').forEach((raw, index) => {
    if (raw.includes('\t')) throw new Error(`line ${index + 1}: tabs are not YAML indentation`);
    const text = stripComment(raw).trimEnd();
    if (text.trim() !== '') lines.push({ indent: text.length - text.trimStart().length, text: text.trim(), number: index + 1 });
  });
  let position = 0;

  function block(indent: number): YamlValue {
    return lines[position]?.text.startsWith('- ') ? sequence(indent) : mapping(indent);
  }

  function mapping(indent: number): { [key: string]: YamlValue } {
    const result: { [key: string]: YamlValue } = {};
    while (position < lines.length && (lines[position] as YamlLine).indent === indent && !(lines[position] as YamlLine).text.startsWith('- ')) {
      const line = lines[position] as YamlLine;
      const match = /^([A-Za-z0-9_$.-]+):(?:\s+(.*))?$/.exec(line.text);
      if (match === null) throw new Error(`line ${line.number}: not a "key: value" line`);
      const key = match[1] as string;
      if (key in result) throw new Error(`line ${line.number}: duplicate key ${key}`);
      position++;
      if (match[2] !== undefined) result[key] = scalarOrFlow(match[2], line.number);
      else {
        const next = lines[position];
        const nested = next !== undefined && (next.indent > indent || (next.indent === indent && next.text.startsWith('- ')));
        result[key] = nested ? block((next as YamlLine).indent) : null;
      }
    }
    return result;
  }

  function sequence(indent: number): YamlValue[] {
    const result: YamlValue[] = [];
    while (position < lines.length && (lines[position] as YamlLine).indent === indent && (lines[position] as YamlLine).text.startsWith('- ')) {
      const line = lines[position] as YamlLine;
      const item = line.text.slice(2);
      if (/^[A-Za-z0-9_$.-]+:(\s|$)/.test(item)) {
        // A mapping item: its first key is on the dash line, the others align with it.
        lines[position] = { indent: indent + 2, text: item, number: line.number };
        result.push(mapping(indent + 2));
      } else {
        position++;
        result.push(scalarOrFlow(item, line.number));
      }
    }
    return result;
  }

  const value = block(0);
  if (position < lines.length) throw new Error(`line ${(lines[position] as YamlLine).number}: unexpected indentation`);
  return value;
}

function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const character = line[i];
    if (quote !== undefined) {
      if (character === quote) quote = undefined;
    } else if (character === "'" || character === '"') quote = character;
    else if (character === '#' && (i === 0 || line[i - 1] === ' ')) return line.slice(0, i);
  }
  return line;
}

function scalarOrFlow(text: string, lineNumber: number): YamlValue {
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) throw new Error(`line ${lineNumber}: a flow sequence must end on its line`);
    const inner = text.slice(1, -1).trim();
    return inner === '' ? [] : (inner.match(/'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^,]+/g) ?? []).map((item) => scalar(item.trim(), lineNumber));
  }
  return scalar(text, lineNumber);
}

function scalar(text: string, lineNumber: number): YamlValue {
  if (text.startsWith("'")) return text.slice(1, -1).replaceAll("''", "'");
  if (text.startsWith('"')) return JSON.parse(text) as string;
  if (/^[{&*|>!%@`]/.test(text)) throw new Error(`line ${lineNumber}: ${text[0]} is beyond the YAML this file keeps to`);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null' || text === '~') return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

// The part of electron-builder's configuration schema this file uses.
const fileSet = z.object({ from: z.string(), to: z.string(), filter: z.array(z.string()).optional() }).strict();
const configurationSchema = z
  .object({
    appId: z.string().regex(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/, 'a reverse-DNS application id'),
    productName: z.string(),
    executableName: z.string().regex(/^[a-z0-9-]+$/, 'an ASCII executable name'),
    copyright: z.string(),
    artifactName: z.string().includes('${ext}'),
    icon: z.string(),
    directories: z.object({ output: z.string(), buildResources: z.string() }).strict(),
    extraMetadata: z.object({ main: z.string(), description: z.string() }).strict(),
    files: z.array(z.string()),
    asar: z.boolean(),
    npmRebuild: z.boolean(),
    extraResources: z.array(fileSet),
    linux: z
      .object({
        target: z.array(z.enum(['AppImage', 'flatpak', 'snap', 'deb', 'rpm', 'freebsd', 'pacman', 'p5p', 'apk', '7z', 'zip', 'tar.xz', 'tar.lz', 'tar.gz', 'tar.bz2', 'dir'])),
        category: z.string(),
        synopsis: z.string(),
        maintainer: z.string(),
      })
      .strict(),
    win: z.object({ target: z.array(z.enum(['nsis', 'nsis-web', 'portable', 'appx', 'msi', 'msi-wrapped', 'squirrel', '7z', 'zip', 'dir'])) }).strict(),
    nsis: z
      .object({
        oneClick: z.boolean(),
        allowToChangeInstallationDirectory: z.boolean(),
        shortcutName: z.string(),
        language: z.string().regex(/^\d+$/, 'a Windows LCID'),
        multiLanguageInstaller: z.boolean(),
        installerLanguages: z.array(z.string().regex(/^[a-z]{2}_[A-Z]{2}$/)),
      })
      .strict(),
    mac: z
      .object({
        target: z.array(z.enum(['dmg', 'pkg', 'zip', 'mas', 'mas-dev', '7z', 'tar.xz', 'tar.lz', 'tar.gz', 'tar.bz2', 'dir'])),
        category: z.string().startsWith('public.app-category.'),
        hardenedRuntime: z.boolean(),
      })
      .strict(),
  })
  .strict();

const repositoryRoot = new URL('../../../', import.meta.url);
const inRepository = (path: string): string => new URL(path, repositoryRoot).pathname;

describe('electron-builder.yml', () => {
  const config = configurationSchema.parse(readYamlSubset(readFileSync(inRepository('electron-builder.yml'), 'utf8')));

  it('builds AppImage and deb for Linux, NSIS for Windows and dmg for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('names the product in Chinese and English, and files in ASCII', () => {
    expect(config.productName).toMatch(/[\u4e00-\u9fff]/);
    expect(config.productName).toMatch(/[A-Za-z]{3}/);
    expect(config.artifactName).toMatch(/^[\x20-\x7e]+$/);
  });

  it("starts the shell's bundled main process, and packs the shell with its preload", () => {
    expect(config.extraMetadata.main).toBe('desktop/dist/main/main.js');
    expect(config.files).toContain('desktop/dist/**');
    expect(config.files.filter((pattern) => pattern.startsWith('!')).some((pattern) => /dist\/(main|preload)|\*\*\/\*\.c?js/.test(pattern))).toBe(false);
  });

  it('ships the twin server, its protocol, the sample community, the renderer and the assets as resources', () => {
    const resources = config.extraResources.map((resource) => resource.from);
    expect(resources).toEqual(expect.arrayContaining(['twin-server', 'models', 'assets', 'desktop/dist/renderer', 'node_modules']));
    const models = config.extraResources.find((resource) => resource.from === 'models');
    expect(models?.filter).toContain('community/**');
    // The protocol package lives inside twin-server and must not be filtered out.
    const server = config.extraResources.find((resource) => resource.from === 'twin-server');
    expect(server?.filter?.some((pattern) => pattern.startsWith('!protocol'))).toBe(false);
  });

  it('keeps the Electron binary and the build tools out of the packaged node_modules', () => {
    const modules = config.extraResources.find((resource) => resource.from === 'node_modules');
    expect(modules?.filter).toEqual(expect.arrayContaining(['!electron/**', '!vite/**', '!typescript/**', '!playwright-core/**']));
  });

  it('refers to sources that exist', () => {
    for (const path of [config.icon, config.directories.buildResources, ...config.extraResources.map((resource) => resource.from).filter((from) => !from.includes('dist'))]) {
      expect(existsSync(inRepository(path)), path).toBe(true);
    }
  });
});

describe('readYamlSubset', () => {
  it('reads mappings, sequences of scalars and of mappings, flow sequences and quoted scalars', () => {
    const text = ["# comment", "a: 1 # trailing", "b:", "  - x", "  - from: y", "    to: 'it''s'", "c: [p, 'q r', \"s\"]", "d: true"].join('\n');
    expect(readYamlSubset(text)).toEqual({ a: 1, b: ['x', { from: 'y', to: "it's" }], c: ['p', 'q r', 's'], d: true });
  });

  it('refuses what it does not read', () => {
    expect(() => readYamlSubset('a: {b: 1}')).toThrow(/beyond/);
    expect(() => readYamlSubset('a: 1\na: 2')).toThrow(/duplicate/);
    expect(() => readYamlSubset('a:\n    b: 1\n  c: 2')).toThrow(/indentation/);
  });
});
