import type { CameraMarkers } from './build/cameraMarkers.ts';
import type { NetworkBuild } from './build/networkBuild.ts';
import type { SensorMarkers } from './build/sensorMarkers.ts';
import type { SiteBuild, SiteFeature } from './build/siteBuild.ts';
import type { BuildingModel } from './ifc/buildingModel.ts';
import type { Selection } from './sceneStore.ts';

/** A building of the community: its GIS footprint and, once loaded, its model. */
export interface BuildingEntry {
  id: string;
  /** `category` of the footprint in the site plan (`residential`, `school`, …), else `other`. */
  category: string;
  footprint?: SiteFeature;
  model?: BuildingModel;
}

/**
 * Everything loaded, for lookups: what a selection refers to, which sensors are bound to it
 * (by IFC GlobalId, network element id or building), and the ids search finds.
 */
export class SceneCatalog {
  /** Incremented on every change, so derived indexes (search) know when to rebuild. */
  revision = 0;
  site: SiteBuild | undefined;
  readonly networks = new Map<string, NetworkBuild>();
  sensors: SensorMarkers | undefined;
  private cameraMarkers: CameraMarkers | undefined;
  readonly buildings = new Map<string, BuildingEntry>();
  private readonly byGlobalId = new Map<string, number[]>();
  private readonly byNetworkElement = new Map<string, number[]>();
  private readonly byBuilding = new Map<string, number[]>();
  private readonly sensorIds = new Map<string, number>();
  private readonly networkIds = new Map<string, { network: string; feature: number }>();
  private readonly networkGlobalIds = new Map<string, { network: string; feature: number }>();

  setSite(site: SiteBuild): void {
    this.revision++;
    this.site = site;
    for (const feature of site.features) {
      if (feature.featureType !== 'building') continue;
      const category = typeof feature.properties['category'] === 'string' ? feature.properties['category'] : 'other';
      this.buildings.set(feature.id, { ...this.buildings.get(feature.id), id: feature.id, category, footprint: feature });
    }
  }

  /** Registers a building file before its model arrives (its category comes from the site plan). */
  expectBuilding(id: string): BuildingEntry {
    this.revision++;
    const entry = this.buildings.get(id) ?? { id, category: 'other' };
    this.buildings.set(id, entry);
    return entry;
  }

  addNetwork(build: NetworkBuild): void {
    this.revision++;
    this.networks.set(build.network, build);
    build.features.forEach((f, feature) => {
      this.networkIds.set(f.id, { network: build.network, feature });
      const globalId = f.properties['ifcGlobalId'];
      if (typeof globalId === 'string') this.networkGlobalIds.set(globalId, { network: build.network, feature });
    });
  }

  setSensors(markers: SensorMarkers): void {
    this.revision++;
    this.sensors = markers;
    for (const map of [this.byGlobalId, this.byNetworkElement, this.byBuilding]) map.clear();
    this.sensorIds.clear();
    const push = (map: Map<string, number[]>, key: string | undefined, i: number) => {
      if (key === undefined) return;
      const list = map.get(key);
      if (list === undefined) map.set(key, [i]);
      else list.push(i);
    };
    markers.sensors.forEach(({ id, location }, i) => {
      this.sensorIds.set(id, i);
      push(this.byGlobalId, location.ifcGlobalId, i);
      push(this.byNetworkElement, location.networkElement, i);
      push(this.byBuilding, location.building, i);
    });
  }

  get cameras(): CameraMarkers | undefined {
    return this.cameraMarkers;
  }

  set cameras(markers: CameraMarkers | undefined) {
    this.revision++;
    this.cameraMarkers = markers;
  }

  /**
   * What an IFC element stands for elsewhere, by its GlobalId: a camera of the catalogue, a
   * network feature (valve, meter, riser), or a registry sensor bound to it; in that order.
   */
  equipment(globalId: string): Selection | undefined {
    if (globalId === '') return undefined;
    const camera = this.cameraMarkers?.cameras.findIndex((c) => c['ifcGlobalId'] === globalId) ?? -1;
    if (camera >= 0) return { kind: 'camera', camera };
    const feature = this.networkGlobalIds.get(globalId);
    if (feature !== undefined) return { kind: 'network', ...feature };
    const sensor = this.byGlobalId.get(globalId)?.[0];
    return sensor === undefined ? undefined : { kind: 'sensor', sensor };
  }

  /** A building's model has arrived. */
  setBuildingModel(id: string, model: BuildingModel): void {
    this.revision++;
    this.expectBuilding(id).model = model;
  }

  /** A network feature by id (`WS-V01`, `B01/GAS-ESV`). */
  networkFeature(id: string): { network: string; feature: number } | undefined {
    return this.networkIds.get(id);
  }

  /** A sensor's index (in registry order) by id. */
  sensorIndex(id: string): number | undefined {
    return this.sensorIds.get(id);
  }

  /** Sensors bound to an IFC object by GlobalId. */
  sensorsOfGlobalId(globalId: string): number[] {
    return this.byGlobalId.get(globalId) ?? [];
  }

  /** Sensors bound to a network element by its id. */
  sensorsOfNetworkElement(id: string): number[] {
    return this.byNetworkElement.get(id) ?? [];
  }

  /** Sensors of a building. */
  sensorsOfBuilding(id: string): number[] {
    return this.byBuilding.get(id) ?? [];
  }
}
