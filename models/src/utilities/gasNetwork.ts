/**
 * The gas network (MUN-5: built and run by pressure class): the municipal medium-pressure
 * connection, the regulator station with its emergency shut-off valve, a looped low-pressure PE
 * main under the roads with a valve well on every road section, and to every building with
 * piped gas a service line with an emergency shut-off valve (`B03/GAS-ESV`), a building meter
 * and the riser connection (`B03/GAS-RISER-1`). Combustible-gas leak detectors (alarm at
 * 20 %LEL) watch every building's shut-off valve, the regulator station and one valve well per
 * residential zone.
 */
import { ifcGlobalId } from '../ifc/globalId.ts';
import { buildingEquipmentKey, equipmentKey } from '../elementKeys.ts';
import type { FeatureCollection } from '../geojson/geojson.ts';
import type { Building, CommunityLayout } from '../layout/layoutTypes.ts';
import { localToSite, pt, siteToLocal } from '../layout/planGeometry.ts';
import { zoneAt } from '../layout/sitePlan.ts';
import { along, facadePoint, MainPlan } from './mainLayout.ts';
import { NetworkBuilder } from './networkBuilder.ts';
import type { RoadGrid } from './roadGrid.ts';
import { householdsOf } from './waterNetwork.ts';

/** Offset of the gas main from the road centreline (east and north), metres. */
export const GAS_OFFSET_M = -5;

/** Ids of the regulator station and its emergency shut-off valve. */
export const GAS_STATION_ID = 'GAS-RS-01';
export const GAS_STATION_ESV_ID = 'GAS-RS-01-ESV';

/** Alarm threshold of every combustible-gas detector, %LEL (MUN-5: at most 20 %LEL). */
export const GAS_ALARM_LEL = 20;

const MAIN = { pressureClass: 'low', diameterMm: 150, material: 'PE100-SDR11', depthM: 0.9 };
const MEDIUM = { pressureClass: 'medium', diameterMm: 100, material: 'PE100-SDR11', depthM: 1.2 };

/** The id of the detector watching a building's shut-off valve, `GAS-LD-B03`. */
export function buildingGasDetectorId(buildingId: string): string {
  return `GAS-LD-${buildingId}`;
}

/** The gas network of the layout. */
export function buildGasNetwork(layout: CommunityLayout, roads: RoadGrid): FeatureCollection {
  const grid = roads.translated(GAS_OFFSET_M, GAS_OFFSET_M);
  const net = new NetworkBuilder('gas', layout.origin);
  const plan = new MainPlan(grid);
  const junctions = grid.nodes.map((p) => net.node(net.nextId('GAS-J', 2), p, 'junction'));
  addStation(net, plan, layout);

  const wells: string[] = [];
  grid.edges.forEach((e, edge) => {
    const t = Math.min(0.3, 6 / e.lengthM);
    const id = net.node(net.nextId('GAS-VW-', 2), grid.pointAt(edge, t), 'valve', { valveType: 'section', diameterMm: MAIN.diameterMm, normallyOpen: true, valveWell: true });
    plan.add(edge, t, id);
    wells.push(id);
  });
  for (const code of layout.gasValveWellZones) {
    const zone = layout.zones.find((z) => z.code === code)!;
    const well = wells.find((id) => {
      const p = net.positionOf(id);
      return zoneAt(p.eastM, p.northM) === zone.id;
    });
    if (well === undefined) throw new Error(`no gas valve well in ${zone.id}`);
    const p = net.positionOf(well);
    net.device(`GAS-LD-VW${well.slice(-2)}`, pt(p.eastM + 0.5, p.northM), 'leak-detector', well, { alarmLel: GAS_ALARM_LEL, zone: zone.id, mounting: 'valve-well' });
  }

  for (const b of layout.buildings) if (b.hasGas) addService(net, plan, b);
  plan.chain(junctions, (from, to) => net.link(net.nextId('GAS-P', 3), from, to, 'pipe', { ...MAIN, role: 'main' }));
  return net.build();
}

function addStation(net: NetworkBuilder, plan: MainPlan, layout: CommunityLayout): void {
  const { gasIntake, gasStation } = layout.utilities;
  const intakeAt = pt(gasIntake.eastM, gasIntake.northM);
  const stationAt = pt(gasStation.eastM, gasStation.northM);
  const source = net.node('GAS-SRC-1', intakeAt, 'intake', { name: '市政中压燃气接入点', nameEn: 'Municipal medium-pressure gas connection', pressureClass: 'medium' });
  const esv = net.node(GAS_STATION_ESV_ID, along(stationAt, intakeAt, 4), 'valve', { valveType: 'emergency-shutoff', diameterMm: MEDIUM.diameterMm, normallyOpen: true, pressureClass: 'medium' });
  const regulator = net.node(GAS_STATION_ID, stationAt, 'regulator', { name: '燃气调压站', nameEn: 'Gas regulator station', inletPressureClass: 'medium', outletPressureClass: 'low', outletPressureKPa: 3 });
  net.link(net.nextId('GAS-P', 3), source, esv, 'pipe', { ...MEDIUM, role: 'intake' });
  net.link(net.nextId('GAS-P', 3), esv, regulator, 'pipe', { ...MEDIUM, role: 'intake' });
  const hit = plan.grid.nearest(stationAt, 10);
  const tee = plan.teeAt(hit.edge, hit.t, () => net.node(net.nextId('GAS-T', 3), hit.point, 'junction'));
  net.link(net.nextId('GAS-P', 3), regulator, tee, 'pipe', { ...MAIN, diameterMm: 200, role: 'station-outlet' });
  net.device('GAS-LD-RS01', pt(stationAt.eastM - 2, stationAt.northM), 'leak-detector', regulator, { alarmLel: GAS_ALARM_LEL, zone: gasStation.zone, mounting: 'regulator-room' });
  const esvAt = net.positionOf(esv);
  net.device('GAS-LD-RS01-ESV', pt(esvAt.eastM + 1, esvAt.northM), 'leak-detector', esv, { alarmLel: GAS_ALARM_LEL, zone: gasStation.zone, mounting: 'valve' });
}

function addService(net: NetworkBuilder, plan: MainPlan, b: Building): void {
  const hit = plan.grid.nearest(pt(b.eastM, b.northM), 10);
  const riserAt = facadePoint(b, hit.point, 0.3);
  const meterAt = facadePoint(b, hit.point, 1.5);
  const esvAt = facadePoint(b, hit.point, 3);
  const tee = plan.teeAt(hit.edge, hit.t, () => net.node(net.nextId('GAS-T', 3), hit.point, 'junction'));
  const households = householdsOf(b);
  const diameterMm = households >= 100 ? 80 : 50;
  const esvKey = buildingEquipmentKey(b.id, 'GAS-ESV');
  const esv = net.node(esvKey, esvAt, 'valve', {
    valveType: 'emergency-shutoff',
    diameterMm,
    normallyOpen: true,
    building: b.id,
    name: `${b.name}燃气紧急切断阀`,
    nameEn: `${b.nameEn} gas emergency shut-off valve`,
    ifcGlobalId: ifcGlobalId(esvKey),
  });
  const meter = net.node(buildingEquipmentKey(b.id, 'GAS-METER'), meterAt, 'meter', { building: b.id, diameterMm, householdMeters: households, name: `${b.name}燃气总表`, nameEn: `${b.nameEn} gas meter` });
  const service = { ...MAIN, diameterMm, role: 'service', building: b.id };
  net.link(net.nextId('GAS-P', 3), tee, esv, 'pipe', service);
  net.link(net.nextId('GAS-P', 3), esv, meter, 'pipe', service);
  for (let k = 1; k <= b.gasRisers; k++) {
    const key = equipmentKey(b.id, 'GAS-RISER', k);
    const at = k === 1 ? riserAt : alongFacade(b, riserAt, 4 * (k - 1));
    const riser = net.node(key, at, 'riser', { building: b.id, name: `${b.name}燃气立管${k}`, nameEn: `${b.nameEn} gas riser ${k}`, ifcGlobalId: ifcGlobalId(key) });
    net.link(net.nextId('GAS-P', 3), meter, riser, 'pipe', { ...service, material: 'steel', depthM: 0, installation: 'above-ground', role: 'riser-connection' });
  }
  net.device(buildingGasDetectorId(b.id), along(esvAt, meterAt, 0.5), 'leak-detector', esv, { alarmLel: GAS_ALARM_LEL, zone: b.zone, building: b.id, mounting: 'valve' });
}

/** A point `d` metres along the facade from `p` (in the building's local x direction, or y on the short sides). */
function alongFacade(b: Building, p: ReturnType<typeof pt>, d: number): ReturnType<typeof pt> {
  const centre = pt(b.eastM, b.northM);
  const local = siteToLocal(centre, b.rotationDeg, p);
  const onLongSide = Math.abs(Math.abs(local.y) - b.depthM / 2) < Math.abs(Math.abs(local.x) - b.widthM / 2);
  return onLongSide ? localToSite(centre, b.rotationDeg, local.x + d, local.y) : localToSite(centre, b.rotationDeg, local.x, local.y + d);
}
