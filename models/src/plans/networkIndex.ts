/**
 * Lookup of network features by id for the registry planners, so that a sensor bound to a
 * network element sits where the element is and never names one that does not exist.
 */
import type { Feature, FeatureCollection } from '../geojson/geojson.ts';
import type { SitePoint } from '../layout/layoutTypes.ts';
import { fromLonLat, type LonLat } from '../projection/siteProjection.ts';
import type { NetworkName } from '../utilities/networkBuilder.ts';

/** The five utility networks of the community. */
export type CommunityNetworks = Record<NetworkName, FeatureCollection>;

/** Features of all networks by id. */
export class NetworkIndex {
  private readonly byId = new Map<string, { network: NetworkName; feature: Feature }>();

  constructor(
    readonly networks: CommunityNetworks,
    private readonly origin: LonLat,
  ) {
    for (const [network, collection] of Object.entries(networks) as Array<[NetworkName, FeatureCollection]>) {
      for (const feature of collection.features) {
        if (this.byId.has(feature.id)) throw new Error(`network feature id ${feature.id} is used twice`);
        this.byId.set(feature.id, { network, feature });
      }
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The feature with this id. @throws Error when there is none. */
  feature(id: string): Feature {
    const entry = this.byId.get(id);
    if (entry === undefined) throw new Error(`no network feature ${id}`);
    return entry.feature;
  }

  /** Site position of a Point feature (the first vertex of a line). */
  position(id: string): SitePoint {
    const { geometry } = this.feature(id);
    const [lon, lat] = geometry.type === 'Point' ? geometry.coordinates : geometry.type === 'LineString' ? geometry.coordinates[0]! : geometry.coordinates[0]![0]!;
    return fromLonLat(lon, lat, this.origin);
  }

  /** Features of one network and type, in file order. */
  ofType(network: NetworkName, featureType: string): Feature[] {
    return this.networks[network].features.filter((f) => f.properties['featureType'] === featureType);
  }
}
