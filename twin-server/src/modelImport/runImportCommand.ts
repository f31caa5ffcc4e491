/**
 * `twin import <file>`: imports one model file and prints its report, as one JSON object with
 * `--json` or as a readable summary. Exit codes: 0 imported, 1 the file cannot be imported,
 * 2 the command line is wrong.
 */
import type { ImportKind, ImportOptions } from './importReport.ts';
import { importModel } from './importModel.ts';
import { parseAnchor } from './importOptions.ts';
import { ModelImportError, type ModelImportErrorData } from './modelImportError.ts';
import { formatError, formatReport } from './formatSummary.ts';

/** Options as commander gives them (strings). */
export interface ImportCommandOptions {
  json?: boolean;
  kind?: string;
  /** Seconds. */
  timeout?: string;
  maxBytes?: string;
  maxHeapMb?: string;
  /** `lon,lat[,heightM]`. */
  anchor?: string;
  /** `local-metres` or `EPSG:<code>`. */
  projection?: string;
}

/** Where the command writes (the process's streams by default). */
export interface CommandOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processOutput: CommandOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** The exit code of each outcome. */
export const IMPORT_EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Turns the command line's strings into `ImportOptions`. @throws ModelImportError `TWIN_ERR_BAD_REQUEST`. */
export function importOptionsFromCommand(file: string, options: ImportCommandOptions): ImportOptions {
  const number = (text: string | undefined, flag: string): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) throw new ModelImportError('TWIN_ERR_BAD_REQUEST', `${flag} takes a number, not ${text}`, { file });
    return value;
  };
  const result: ImportOptions = {};
  const timeoutS = number(options.timeout, '--timeout');
  if (timeoutS !== undefined) result.timeoutMs = timeoutS * 1000;
  const maxBytes = number(options.maxBytes, '--max-bytes');
  if (maxBytes !== undefined) result.maxBytes = maxBytes;
  const maxHeapMb = number(options.maxHeapMb, '--max-heap-mb');
  if (maxHeapMb !== undefined) result.maxHeapMb = maxHeapMb;
  if (options.kind !== undefined) result.kind = options.kind as ImportKind;
  if (options.anchor !== undefined) result.anchor = parseAnchor(options.anchor, file);
  if (options.projection !== undefined) result.projection = options.projection;
  return result;
}

/**
 * Runs the command; returns the exit code.
 * @param output where to write (tests pass their own).
 */
export async function importCommand(file: string, options: ImportCommandOptions, output: CommandOutput = processOutput): Promise<number> {
  try {
    const report = await importModel(file, importOptionsFromCommand(file, options));
    output.out(options.json === true ? JSON.stringify(report, null, 2) : formatReport(report));
    return IMPORT_EXIT.ok;
  } catch (error) {
    const data: ModelImportErrorData =
      error instanceof ModelImportError ? error.toJSON() : { code: 'TWIN_ERR_INTERNAL', message: error instanceof Error ? error.message : String(error), where: { file } };
    if (options.json === true) output.out(JSON.stringify({ error: data }, null, 2));
    else output.err(`error: ${formatError(data)}`);
    return data.code === 'TWIN_ERR_BAD_REQUEST' ? IMPORT_EXIT.usage : IMPORT_EXIT.failed;
  }
}

/** The `twin import` action: runs the command and sets the process exit code. */
export async function runImportCommand(file: string, options: ImportCommandOptions): Promise<void> {
  process.exitCode = await importCommand(file, options);
}
