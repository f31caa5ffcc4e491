import { basename } from 'node:path';
import { importModel, ModelImportError, type ImportReport } from '../modelImport/index.ts';
import { ModelError } from './modelError.ts';
import type { ModelFile } from './modelLibrary.ts';

/**
 * What each model file holds (kind, schema, counts, spatial structure, georeference, warnings),
 * read by the importer in its bounded worker once per content hash; concurrent requests for the
 * same content share one import, and a refusal is remembered as such.
 */
export class ModelReports {
  private readonly byHash = new Map<string, Promise<ImportReport>>();

  report(file: ModelFile): Promise<ImportReport> {
    let report = this.byHash.get(file.entry.sha256);
    if (report === undefined) {
      report = importModel(file.absolutePath).then(
        // Paths inside the server stay inside: the report names the file as the manifest does.
        (r): ImportReport => ({ ...r, file: file.entry.path }),
        (error: unknown) => {
          if (error instanceof ModelImportError) {
            const where = { ...error.where, file: file.entry.path };
            throw new ModelError(error.code, error.message.replaceAll(file.absolutePath, file.entry.path).replaceAll(basename(file.absolutePath), file.entry.path), { where });
          }
          throw error;
        },
      );
      this.byHash.set(file.entry.sha256, report);
    }
    return report;
  }
}
