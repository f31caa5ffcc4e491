import type { ModelProgress } from '@twin/protocol';
import type { Logger } from '../logging/logger.ts';
import { GeometryCache } from './geometryCache.ts';
import { GeometryService, type GeometryLimits, type GeometryStats } from './geometryService.ts';
import { ModelError } from './modelError.ts';
import { ModelLibrary } from './modelLibrary.ts';
import { ModelReports } from './modelReports.ts';

/** Where the models are and how geometry is prepared. */
export interface ModelServiceConfig {
  /** Directory holding `manifest.json` and the files it lists. */
  modelsDir: string;
  /** Directory of prepared mesh packs. */
  cacheDir: string;
  limits: GeometryLimits;
}

/**
 * The community's models: the manifest and its files ({@link ModelLibrary}), the geometry
 * prepared from its IFC files ({@link GeometryService}) and what each file holds
 * ({@link ModelReports}). Routes are in `modelRoutes.ts`.
 */
export class ModelService {
  readonly reports = new ModelReports();

  private constructor(
    readonly library: ModelLibrary,
    readonly geometry: GeometryService,
  ) {}

  /** Opens the cache directory; a missing manifest is logged, not fatal (requests get 404). */
  static async open(config: ModelServiceConfig, deps: { logger: Logger; onProgress?: (progress: ModelProgress) => void }): Promise<ModelService> {
    const cache = new GeometryCache(config.cacheDir, deps.logger);
    await cache.open();
    const library = new ModelLibrary(config.modelsDir, deps.logger);
    const geometry = new GeometryService({ cache, limits: config.limits, logger: deps.logger, ...(deps.onProgress === undefined ? {} : { onProgress: deps.onProgress }) });
    try {
      const manifest = await library.manifest();
      deps.logger.info('serving models', { dir: config.modelsDir, files: manifest.files.size });
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      deps.logger.warn('models are not served until the manifest is valid', { dir: config.modelsDir, problem: error.message });
    }
    return new ModelService(library, geometry);
  }

  stats(): GeometryStats {
    return this.geometry.stats();
  }

  dispose(): Promise<void> {
    return this.geometry.dispose();
  }
}
