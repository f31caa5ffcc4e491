/**
 * The water supply network (MUN-3): two municipal connections with bulk meters, a looped
 * ductile-iron main under the roads with section valves near every junction, fire hydrants at
 * most 100 m apart (GB 50974 allows 120 m), and a service line with a valve and a building
 * meter to every building (MUN-1 sub-metering). Site pipes run at municipal pressure; towers
 * boost their upper zones in their own pump rooms (`B03/B1/PUMP-ROOM`).
 */
import { ifcGlobalId } from '../ifc/globalId.ts';
import { buildingEquipmentKey } from '../elementKeys.ts';
import type { FeatureCollection } from '../geojson/geojson.ts';
import type { Building, CommunityLayout, SitePoint } from '../layout/layoutTypes.ts';
import { pt } from '../layout/planGeometry.ts';
import { along, facadePoint, MainPlan } from './mainLayout.ts';
import { NetworkBuilder } from './networkBuilder.ts';
import type { RoadGrid } from './roadGrid.ts';

/** Offset of the water main from the road centreline (east and north), metres. */
export const WATER_OFFSET_M = 5;

/** Ids of the municipal connections, in the order of `utilities.waterIntakes`. */
export const WATER_INTAKE_IDS = ['WS-MAIN-INLET', 'WS-MAIN-INLET-2'];

const HYDRANT_SPACING_M = 100;
const VALVE_FROM_JUNCTION_M = 6;
const MAIN = { diameterMm: 200, material: 'ductile-iron', pressureZone: 'municipal', depthM: 1.1 };

/** Households behind a building meter (0 for public buildings). */
export function householdsOf(b: Building): number {
  return b.category === 'residential' ? b.storeys * b.flatsPerStorey : 0;
}

/** The water network of the layout. */
export function buildWaterNetwork(layout: CommunityLayout, roads: RoadGrid): FeatureCollection {
  const grid = roads.translated(WATER_OFFSET_M, WATER_OFFSET_M);
  const net = new NetworkBuilder('water', layout.origin);
  const plan = new MainPlan(grid);
  const junctions = grid.nodes.map((p) => net.node(net.nextId('WS-J', 2), p, 'junction'));

  layout.utilities.waterIntakes.forEach((intake, i) => {
    const id = net.node(WATER_INTAKE_IDS[i]!, pt(intake.eastM, intake.northM), 'intake', { name: `市政给水接入点${i + 1}`, nameEn: `Municipal water connection ${i + 1}`, meter: true, diameterMm: 300 });
    const hit = grid.nearest(pt(intake.eastM, intake.northM), 10);
    const tee = plan.teeAt(hit.edge, hit.t, () => net.node(net.nextId('WS-T', 3), hit.point, 'junction'));
    const valve = net.node(net.nextId('WS-V', 2), along(pt(intake.eastM, intake.northM), hit.point, 3), 'valve', { valveType: 'intake', diameterMm: 300, normallyOpen: true });
    net.link(net.nextId('WS-P', 3), id, valve, 'pipe', { ...MAIN, diameterMm: 300, role: 'intake' });
    net.link(net.nextId('WS-P', 3), valve, tee, 'pipe', { ...MAIN, diameterMm: 300, role: 'intake' });
  });

  grid.edges.forEach((e, edge) => {
    if (e.lengthM > 3 * VALVE_FROM_JUNCTION_M) {
      for (const t of [VALVE_FROM_JUNCTION_M / e.lengthM, 1 - VALVE_FROM_JUNCTION_M / e.lengthM]) {
        plan.add(edge, t, net.node(net.nextId('WS-V', 2), grid.pointAt(edge, t), 'valve', { valveType: 'section', diameterMm: MAIN.diameterMm, normallyOpen: true }));
      }
    }
    const count = Math.ceil(e.lengthM / HYDRANT_SPACING_M);
    for (let k = 0; k < count && e.lengthM > 40; k++) {
      const t = (k + 0.5) / count;
      const at = grid.pointAt(edge, t);
      const tee = plan.teeAt(edge, t, () => net.node(net.nextId('WS-T', 3), at, 'junction'));
      const hydrant = net.node(net.nextId('WS-H', 2), pt(at.eastM + 1.5, at.northM + 1.5), 'hydrant', { hydrantType: 'outdoor-underground', diameterMm: 100 });
      net.link(net.nextId('WS-P', 3), tee, hydrant, 'pipe', { ...MAIN, diameterMm: 150, role: 'hydrant-branch' });
    }
  });

  for (const b of layout.buildings) addService(net, plan, b);
  plan.chain(junctions, (from, to) => net.link(net.nextId('WS-P', 3), from, to, 'pipe', { ...MAIN, role: 'main' }));
  return net.build();
}

function serviceDiameterMm(b: Building): number {
  const households = householdsOf(b);
  if (households >= 150) return 150;
  if (households >= 60 || b.category === 'school' || b.category === 'parking') return 100;
  return 80;
}

function addService(net: NetworkBuilder, plan: MainPlan, b: Building): void {
  const centre = pt(b.eastM, b.northM);
  const hit = plan.grid.nearest(centre, 10);
  const facade = facadePoint(b, hit.point, 1.5);
  const tee = plan.teeAt(hit.edge, hit.t, () => net.node(net.nextId('WS-T', 3), hit.point, 'junction'));
  const diameterMm = serviceDiameterMm(b);
  const valvePoint: SitePoint = along(hit.point, facade, 1.5);
  const valve = net.node(net.nextId('WS-V', 2), valvePoint, 'valve', { valveType: 'service', diameterMm, normallyOpen: true, building: b.id });
  const meterKey = buildingEquipmentKey(b.id, 'WATER-METER');
  const meter = net.node(meterKey, facade, 'meter', {
    name: `${b.name}给水总表`,
    nameEn: `${b.nameEn} water meter`,
    building: b.id,
    diameterMm,
    householdMeters: householdsOf(b),
    ifcGlobalId: ifcGlobalId(meterKey),
  });
  const service = { diameterMm, material: 'stainless-steel', pressureZone: 'municipal', depthM: 0.8, role: 'service', building: b.id };
  net.link(net.nextId('WS-P', 3), tee, valve, 'pipe', service);
  net.link(net.nextId('WS-P', 3), valve, meter, 'pipe', service);
}
