/**
 * How network nodes are drawn, by `featureType`: vertical cylinders of a radius and height in
 * metres, standing where the node is. `pipe`: centred on the pipes joining there; `ground`: on
 * the ground (equipment in rooms and cabinets); `shaft`: a chamber from the invert up to its rim
 * (drainage manholes, which carry both elevations). `shade` darkens (< 1) or lightens (> 1) the
 * network colour, so valves and meters stand out of their pipes.
 */
export interface NodeShape {
  radiusM: number;
  heightM: number;
  placement: 'pipe' | 'ground' | 'shaft';
  shade: number;
}

const SHAPES: Record<string, NodeShape> = {
  junction: { radiusM: 0, heightM: 0, placement: 'pipe', shade: 1 },
  valve: { radiusM: 0.3, heightM: 0.6, placement: 'pipe', shade: 0.55 },
  meter: { radiusM: 0.35, heightM: 0.5, placement: 'pipe', shade: 1.35 },
  intake: { radiusM: 0.6, heightM: 1.2, placement: 'pipe', shade: 0.75 },
  hydrant: { radiusM: 0.15, heightM: 1, placement: 'ground', shade: 0.7 },
  manhole: { radiusM: 0.5, heightM: 0, placement: 'shaft', shade: 0.8 },
  'inspection-chamber': { radiusM: 0.35, heightM: 0, placement: 'shaft', shade: 0.8 },
  outfall: { radiusM: 0.7, heightM: 0, placement: 'shaft', shade: 0.6 },
  regulator: { radiusM: 1.5, heightM: 2.6, placement: 'ground', shade: 0.75 },
  riser: { radiusM: 0.08, heightM: 3, placement: 'ground', shade: 1 },
  'leak-detector': { radiusM: 0.2, heightM: 0.4, placement: 'pipe', shade: 1.4 },
  switchgear: { radiusM: 2, heightM: 3, placement: 'ground', shade: 0.7 },
  transformer: { radiusM: 1.2, heightM: 2.2, placement: 'ground', shade: 0.8 },
  panel: { radiusM: 0.4, heightM: 1.6, placement: 'ground', shade: 0.8 },
  'ev-charger': { radiusM: 0.3, heightM: 1.5, placement: 'ground', shade: 1.3 },
};

const OTHER: NodeShape = { radiusM: 0.3, heightM: 0.6, placement: 'pipe', shade: 1 };

/** The shape of a node of `featureType`; a junction's radius is its pipes' (it only joins them). */
export function nodeShape(featureType: string): NodeShape {
  return Object.hasOwn(SHAPES, featureType) ? SHAPES[featureType]! : OTHER;
}
