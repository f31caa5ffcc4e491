/**
 * A thin writer over one web-ifc model: adds lines in call order (so express ids follow the
 * order of calls and files come out the same every time), rounds coordinates, and shares the
 * lines many elements use: points, directions, placements, shapes and styles.
 */
import { Handle, IFC4, type IfcAPI, type IfcLineObject } from 'web-ifc';
import type { PlannedShape, ShapeStyle } from './buildingPlan.ts';

/** Coordinates are written to 0.1 mm. */
const COORDINATE_DIGITS = 4;

/** Colour (0..1) and transparency of each surface style. */
const STYLE_COLOURS: Readonly<Record<ShapeStyle, { rgb: [number, number, number]; transparency: number }>> = {
  wall: { rgb: [0.86, 0.84, 0.8], transparency: 0 },
  slab: { rgb: [0.62, 0.62, 0.62], transparency: 0 },
  window: { rgb: [0.55, 0.75, 0.9], transparency: 0.5 },
  door: { rgb: [0.55, 0.4, 0.25], transparency: 0 },
  space: { rgb: [0.95, 0.95, 0.7], transparency: 0.85 },
  gas: { rgb: [0.95, 0.8, 0.1], transparency: 0 },
  water: { rgb: [0.2, 0.45, 0.85], transparency: 0 },
  power: { rgb: [0.95, 0.55, 0.1], transparency: 0 },
  lift: { rgb: [0.5, 0.5, 0.55], transparency: 0 },
  sensor: { rgb: [0.9, 0.15, 0.15], transparency: 0 },
  camera: { rgb: [0.15, 0.15, 0.15], transparency: 0 },
  fan: { rgb: [0.35, 0.6, 0.45], transparency: 0 },
};

export class StepModel {
  private readonly points = new Map<string, Handle<IFC4.IfcCartesianPoint>>();
  private readonly directions = new Map<string, Handle<IFC4.IfcDirection>>();
  private readonly axes = new Map<string, Handle<IFC4.IfcAxis2Placement3D>>();
  private readonly shapes = new Map<string, Handle<IFC4.IfcProductDefinitionShape>>();
  private readonly styles = new Map<ShapeStyle, Handle<IFC4.IfcSurfaceStyle>>();
  private bodyContext: Handle<IFC4.IfcGeometricRepresentationSubContext> | null = null;
  private profilePlacement: Handle<IFC4.IfcAxis2Placement2D> | null = null;

  constructor(
    private readonly api: IfcAPI,
    readonly modelID: number,
  ) {}

  /** Writes `line` (and any unwritten lines it holds) and returns a reference to it. */
  add<T extends IfcLineObject>(line: T): Handle<T> {
    this.api.WriteLine(this.modelID, line);
    return new Handle<T>(line.expressID);
  }

  /** The representation context every body shape is drawn in; set once, before any shape. */
  setBodyContext(context: Handle<IFC4.IfcGeometricRepresentationSubContext>): void {
    this.bodyContext = context;
  }

  point(coordinates: readonly number[]): Handle<IFC4.IfcCartesianPoint> {
    const rounded = coordinates.map((c) => round(c, COORDINATE_DIGITS));
    return cached(this.points, rounded.join(','), () =>
      this.add(new IFC4.IfcCartesianPoint(rounded.map((c) => new IFC4.IfcLengthMeasure(c)))),
    );
  }

  direction(ratios: readonly number[]): Handle<IFC4.IfcDirection> {
    const rounded = ratios.map((c) => round(c, 12));
    return cached(this.directions, rounded.join(','), () => this.add(new IFC4.IfcDirection(rounded.map((c) => new IFC4.IfcReal(c)))));
  }

  /** An IfcAxis2Placement3D at `location`, with default axes unless `refDirection` (local x) is given. */
  axis3(location: readonly [number, number, number], refDirection?: readonly [number, number, number]): Handle<IFC4.IfcAxis2Placement3D> {
    const id = `${location.map((c) => round(c, COORDINATE_DIGITS)).join(',')}|${refDirection?.join(',') ?? ''}`;
    return cached(this.axes, id, () =>
      this.add(
        new IFC4.IfcAxis2Placement3D(
          this.point(location),
          refDirection === undefined ? null : this.direction([0, 0, 1]),
          refDirection === undefined ? null : this.direction(refDirection),
        ),
      ),
    );
  }

  /** An IfcLocalPlacement at `location` relative to `relativeTo` (null: the world). */
  placement(relativeTo: Handle<IFC4.IfcObjectPlacement> | null, location: readonly [number, number, number]): Handle<IFC4.IfcLocalPlacement> {
    return this.add(new IFC4.IfcLocalPlacement(relativeTo, this.axis3(location)));
  }

  /**
   * The body of `shape` (an extruded rectangle or circle, its base centred on the origin of the
   * product's placement), styled; equal shapes share one IfcProductDefinitionShape.
   */
  body(shape: PlannedShape, style: ShapeStyle): Handle<IFC4.IfcProductDefinitionShape> {
    const size = shape.kind === 'box' ? [shape.sx, shape.sy, shape.sz] : [shape.radius, shape.height];
    const id = `${shape.kind}:${size.map((c) => round(c, COORDINATE_DIGITS)).join(',')}:${style}`;
    return cached(this.shapes, id, () => {
      if (this.bodyContext === null) throw new Error('setBodyContext must be called before shapes are written');
      // IFC4 makes a profile's Position optional, but web-ifc's geometry reader needs it.
      const centre = this.profileOrigin();
      const profile =
        shape.kind === 'box'
          ? new IFC4.IfcRectangleProfileDef(IFC4.IfcProfileTypeEnum.AREA, null, centre, length(shape.sx), length(shape.sy))
          : new IFC4.IfcCircleProfileDef(IFC4.IfcProfileTypeEnum.AREA, null, centre, length(shape.radius));
      const depth = shape.kind === 'box' ? shape.sz : shape.height;
      const solid = this.add(
        new IFC4.IfcExtrudedAreaSolid(this.add(profile), this.axis3([0, 0, 0]), this.direction([0, 0, 1]), length(depth)),
      );
      this.add(new IFC4.IfcStyledItem(solid, [this.style(style)], null));
      const representation = this.add(
        new IFC4.IfcShapeRepresentation(this.bodyContext, new IFC4.IfcLabel('Body'), new IFC4.IfcLabel('SweptSolid'), [solid]),
      );
      return this.add(new IFC4.IfcProductDefinitionShape(null, null, [representation]));
    });
  }

  private profileOrigin(): Handle<IFC4.IfcAxis2Placement2D> {
    this.profilePlacement ??= this.add(new IFC4.IfcAxis2Placement2D(this.point([0, 0]), null));
    return this.profilePlacement;
  }

  private style(name: ShapeStyle): Handle<IFC4.IfcSurfaceStyle> {
    return cached(this.styles, name, () => {
      const { rgb, transparency } = STYLE_COLOURS[name];
      const [red, green, blue] = rgb.map((c) => new IFC4.IfcNormalisedRatioMeasure(c)) as [Ratio, Ratio, Ratio];
      const colour = this.add(new IFC4.IfcColourRgb(null, red, green, blue));
      const shading = this.add(new IFC4.IfcSurfaceStyleShading(colour, new IFC4.IfcNormalisedRatioMeasure(transparency)));
      return this.add(new IFC4.IfcSurfaceStyle(new IFC4.IfcLabel(name), IFC4.IfcSurfaceSide.BOTH, [shading]));
    });
  }
}

type Ratio = IFC4.IfcNormalisedRatioMeasure;

/** A positive length, rounded like coordinates. */
function length(value: number): IFC4.IfcPositiveLengthMeasure {
  return new IFC4.IfcPositiveLengthMeasure(round(value, COORDINATE_DIGITS));
}

/** `value` rounded to `digits` decimals, without negative zero. */
export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  const rounded = Math.round(value * scale) / scale;
  return rounded === 0 ? 0 : rounded;
}

function cached<K, V>(cache: Map<K, V>, key: K, create: () => V): V {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = create();
  cache.set(key, value);
  return value;
}
