/**
 * Where tests find the real public files of the shared data folder (`../shared/data` from the
 * repository root; see its README and MANIFEST.tsv for sources and licences). The folder is
 * absent in a user's clone: tests then skip, saying so.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_DATA_DIR = fileURLToPath(new URL('../../../../shared/data', import.meta.url));

/** The absolute path of `relative` in the shared data folder. */
export function sharedFile(relative: string): string {
  return join(SHARED_DATA_DIR, relative);
}

/** Whether every one of `relatives` is present; warns naming the missing ones when not. */
export function sharedDataPresent(what: string, ...relatives: string[]): boolean {
  const missing = relatives.filter((r) => !existsSync(sharedFile(r)));
  if (missing.length > 0) console.warn(`skipping ${what}: ${missing.map(sharedFile).join(', ')} absent (the shared data folder is not present)`);
  return missing.length === 0;
}
