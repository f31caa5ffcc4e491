/**
 * Splits an EPANET input file (.inp) into its sections: `[NAME]` headers, data lines with
 * `;` comments removed, fields split on whitespace (double quotes keep a label together), each
 * line keeping its 1-based number. Reading stops at `[END]`, as EPANET's does.
 */
import { ModelImportError } from '../modelImportError.ts';

/** Every section EPANET 2.2 reads. */
export const INP_SECTIONS = [
  'TITLE', 'JUNCTIONS', 'RESERVOIRS', 'TANKS', 'PIPES', 'PUMPS', 'VALVES', 'TAGS', 'DEMANDS', 'STATUS',
  'PATTERNS', 'CURVES', 'CONTROLS', 'RULES', 'ENERGY', 'EMITTERS', 'QUALITY', 'SOURCES', 'REACTIONS',
  'MIXING', 'TIMES', 'REPORT', 'OPTIONS', 'COORDINATES', 'VERTICES', 'LABELS', 'BACKDROP', 'END',
] as const;

export type InpSectionName = (typeof INP_SECTIONS)[number];

/** One data line. */
export interface InpLine {
  /** 1-based line number in the file. */
  line: number;
  fields: string[];
  /** The line without its comment, trimmed (for [TITLE]). */
  text: string;
}

const KNOWN = new Set<string>(INP_SECTIONS);
const FIELD = /"[^"]*"|\S+/g;

/**
 * Reads the sections of `text`.
 * @throws ModelImportError `TWIN_ERR_MODEL_IMPORT_MALFORMED` for an unknown or malformed section header, or data before the first.
 */
export function readInpSections(text: string, file: string): Map<InpSectionName, InpLine[]> {
  const sections = new Map<InpSectionName, InpLine[]>();
  let current: InpLine[] | undefined;
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const semicolon = lines[i]!.indexOf(';');
    const content = (semicolon < 0 ? lines[i]! : lines[i]!.slice(0, semicolon)).trim();
    if (content === '') continue;
    const line = i + 1;
    if (content.startsWith('[')) {
      const header = /^\[([A-Za-z_]+)\]$/.exec(content.split(/\s/)[0]!);
      if (header === null) throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_MALFORMED', `'${content}' is not a section header`, { file, line });
      const name = header[1]!.toUpperCase();
      if (!KNOWN.has(name)) {
        throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_MALFORMED', `unknown section [${header[1]}]; EPANET reads ${INP_SECTIONS.map((s) => `[${s}]`).join(' ')}`, { file, line, section: `[${header[1]}]` });
      }
      if (name === 'END') break;
      current = sections.get(name as InpSectionName) ?? [];
      sections.set(name as InpSectionName, current);
      continue;
    }
    if (current === undefined) throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_MALFORMED', 'data before the first [SECTION] header (is this an EPANET .inp file?)', { file, line });
    current.push({ line, fields: content.match(FIELD) ?? [], text: content });
  }
  return sections;
}
