/**
 * What an import tells about a model file: its kind, schema, what it holds, where it lies on the
 * Earth and what looked wrong without preventing the import. Plain data, serialisable as JSON.
 */

/** The kinds of model file the importers read. */
export type ImportKind = 'ifc' | 'geojson' | 'osm' | 'epanet';

/**
 * Where in a file a problem is. `file` is always set; the rest when known.
 * @example { file: 'house.ifc', line: 120, entity: '#4711' }
 */
export interface ErrorWhere {
  /** The file as it was given. */
  file: string;
  /** The member of an archive (`.ifczip`) the location refers to. */
  entry?: string;
  /** 1-based line number. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** The entity: a STEP instance (`#1234`), an EPANET element id, a GraphML node or edge. */
  entity?: string;
  /** A JSON pointer (RFC 6901) into a GeoJSON document, e.g. `/features/12/geometry`. */
  pointer?: string;
  /** An EPANET section, e.g. `[PIPES]`. */
  section?: string;
}

/** Something odd that did not prevent the import. `count` > 1 when the same problem repeats; `where` is its first place. */
export interface ImportWarning {
  message: string;
  where?: ErrorWhere;
  count?: number;
}

/** A point on the WGS84 ellipsoid. */
export interface GeodeticPoint {
  lonDeg: number;
  latDeg: number;
  /** Height above the ellipsoid or the vertical datum of the source, when known. */
  heightM?: number;
}

/** The projected CRS an IfcMapConversion converts into (IfcProjectedCRS). */
export interface TargetCrs {
  /** E.g. `EPSG:25832`. */
  name: string;
  description?: string;
  geodeticDatum?: string;
  verticalDatum?: string;
  mapProjection?: string;
  mapZone?: string;
  /** Name of the map unit, e.g. `METRE`; absent means the project's length unit. */
  mapUnit?: string;
}

/** An IfcMapConversion: model coordinates to map coordinates. */
export interface MapConversion {
  /** The IfcMapConversion instance, e.g. `#2`. */
  entity: string;
  eastings: number;
  northings: number;
  orthogonalHeight: number;
  /** Direction of the model's x axis in map coordinates (1, 0 when absent). */
  xAxisAbscissa: number;
  xAxisOrdinate: number;
  /** Rotation of the model's x axis from map east, anticlockwise. */
  rotationDeg: number;
  /** Scale from model length units to map units (1 when absent). */
  scale: number;
  targetCrs: TargetCrs;
}

/** How a model is placed on the Earth. */
export interface Georeference {
  /**
   * Where the placement comes from: the model's own IfcMapConversion or IfcSite reference point,
   * the file's own coordinate system (GeoJSON, GraphML, EPANET with a named projection), or the
   * user's `--anchor`.
   */
  source: 'IfcMapConversion' | 'IfcSite' | 'file' | 'anchor';
  /**
   * The coordinate reference system of the file's coordinates once placed: `EPSG:4326`,
   * `EPSG:25832`, `local-metres` (a local east-north-up frame at `origin`; an IFC model keeps
   * its own length unit, see `lengthUnit`), or `null` when unknown.
   */
  crs: string | null;
  /** `[minX, minY, maxX, maxY]` of the file's coordinates, in `crs` (lon/lat for EPSG:4326). */
  bbox?: [number, number, number, number];
  /** The geodetic point the model's origin lies at (IfcSite reference, or the anchor). */
  origin?: GeodeticPoint;
  mapConversion?: MapConversion;
}

/** A node of an IFC spatial structure (project, site, building, storey). */
export interface SpatialNode {
  /** IFC class, e.g. `IfcBuildingStorey`. */
  type: string;
  /** STEP instance, e.g. `#38274`. */
  entity: string;
  name: string | null;
  longName?: string | null;
  /** IfcBuildingStorey elevation in project length units. */
  elevation?: number;
  /** Elements contained in this node (IfcRelContainedInSpatialStructure). */
  elements: number;
  /** IfcSpace instances aggregated into this node. */
  spaces: number;
  children: SpatialNode[];
}

/** Fields every report has. */
interface ReportBase {
  kind: ImportKind;
  /** The file as it was given. */
  file: string;
  /** Size of the file in bytes. */
  bytes: number;
  /** E.g. `IFC2X3`, `RFC 7946`, `GraphML (OSMnx 1.2.2)`, `EPANET 2 INP`. */
  schema: string;
  /** Number of entities or features per type; see each report kind for the keys. */
  counts: Record<string, number>;
  /** `null` when neither the file nor the options place the model. */
  georeference: Georeference | null;
  warnings: ImportWarning[];
}

/** An IFC model. `counts` keys are IFC classes in IFC casing: products, `IfcProject`, `IfcPropertySet`, `IfcElementQuantity`. */
export interface IfcImportReport extends ReportBase {
  kind: 'ifc';
  /** The `.ifc` member read from an `.ifczip`. */
  entry?: string;
  /** Number of entity instances in the DATA section. */
  entities: number;
  /** Project → site → building → storey. Empty when the model has no IfcProject. */
  spatialStructure: SpatialNode[];
  propertySets: {
    /** IfcPropertySet instances. */
    propertySets: number;
    /** Properties held by them. */
    properties: number;
    /** IfcElementQuantity instances. */
    quantitySets: number;
    /** Objects given property or quantity sets through IfcRelDefinesByProperties. */
    objectsWithProperties: number;
  };
  /** The project's length unit, e.g. `MILLIMETRE`, when declared. */
  lengthUnit?: string;
}

/** A GeoJSON document. `counts`: `features`, one key per geometry type, and `kind=…`, `class=…`, `highway=…` per property value. */
export interface GeoJsonImportReport extends ReportBase {
  kind: 'geojson';
}

/** An OpenStreetMap road graph in GraphML. `counts`: `nodes`, `edges`, and `nodes:highway=…`, `edges:highway=…` per class. */
export interface OsmImportReport extends ReportBase {
  kind: 'osm';
}

/** An EPANET network. `counts`: `junctions`, `reservoirs`, `tanks`, `pipes`, `pumps`, `valves`, `patterns`, `curves`. */
export interface EpanetImportReport extends ReportBase {
  kind: 'epanet';
  /** Flow units from [OPTIONS] (`GPM` when absent) and the unit system they imply. */
  flowUnits: string;
  unitSystem: 'US' | 'SI';
  /** Head-loss formula (`H-W`, `D-W`, `C-M`). */
  headloss: string;
  /** The [TITLE] text. */
  title: string;
}

/** The result of importing one file. */
export type ImportReport = IfcImportReport | GeoJsonImportReport | OsmImportReport | EpanetImportReport;

/** Placement options for files that carry no georeference. */
export interface PlacementOptions {
  /** Where the model's origin lies on the Earth. */
  anchor?: GeodeticPoint;
  /** The CRS of the file's coordinates: `local-metres` or `EPSG:<code>`. */
  projection?: string;
}

/** Options of `importModel`. */
export interface ImportOptions extends PlacementOptions {
  /** Read the file as this kind instead of recognising it. */
  kind?: ImportKind;
  /** Largest file accepted, and largest `.ifc` unpacked from an `.ifczip` (default 256 MiB). */
  maxBytes?: number;
  /** Time limit of the import (default 60 000 ms). */
  timeoutMs?: number;
  /** JavaScript heap limit of the import worker (default 2048 MiB). The IFC engine's WASM memory is separate. */
  maxHeapMb?: number;
}
