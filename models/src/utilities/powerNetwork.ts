/**
 * Power distribution (MUN-4): the 10 kV grid connection, a 10 kV cable ring through four
 * substations (one ring section normally open), two transformers in each substation, and a
 * radial low-voltage feeder from a transformer to each building's meter (`B03/POWER-METER`,
 * which counts the building's household sub-meters) and to the EV charger panels of the two
 * garages. Cables are routed along the roads.
 */
import { ifcGlobalId } from '../ifc/globalId.ts';
import { buildingEquipmentKey } from '../elementKeys.ts';
import type { FeatureCollection } from '../geojson/geojson.ts';
import type { Building, CommunityLayout, SitePoint, UtilityPoint } from '../layout/layoutTypes.ts';
import { distance, pt } from '../layout/planGeometry.ts';
import { facadePoint } from './mainLayout.ts';
import { NetworkBuilder } from './networkBuilder.ts';
import type { RoadGrid } from './roadGrid.ts';
import { householdsOf } from './waterNetwork.ts';

/** Offset of the cable trench from the road centreline (east and north), metres. */
export const POWER_OFFSET_M = 7;

/** Rating of each transformer, kVA, and its usable active power, kW. */
export const TRANSFORMER_KVA = 1250;
export const TRANSFORMER_KW = 1000;

/** Standard low-voltage feeder ratings, kW; a residential feeder takes about 1.3 kW per household. */
const FEEDER_RATINGS_KW = [100, 160, 250, 315, 400, 500, 630];

/** Feeder rating of a building, kW. */
export function feederRatingKw(b: Building): number {
  const households = householdsOf(b);
  const demandKw = households > 0 ? households * 1.3 : b.category === 'parking' ? 60 : polygonFloorAreaKw(b);
  return FEEDER_RATINGS_KW.find((kw) => kw >= demandKw) ?? FEEDER_RATINGS_KW.at(-1)!;
}

/** Public buildings: about 50 W per m² of floor. */
function polygonFloorAreaKw(b: Building): number {
  return 0.05 * b.widthM * b.depthM * Math.max(1, b.storeys);
}

/** Ids of the transformers of substation `index` (0-based): `TX-1`, `TX-2` for the first. */
export function transformerIds(index: number): [string, string] {
  return [`TX-${2 * index + 1}`, `TX-${2 * index + 2}`];
}

const LV = { voltageKv: 0.4, depthM: 0.7 };
const HV = { voltageKv: 10, depthM: 1.0, cableType: 'YJV22-8.7/15kV-3x300' };

/** The power network of the layout. */
export function buildPowerNetwork(layout: CommunityLayout, roads: RoadGrid): FeatureCollection {
  const grid = roads.translated(POWER_OFFSET_M, POWER_OFFSET_M);
  const net = new NetworkBuilder('power', layout.origin);
  const { gridIntake, substations } = layout.utilities;
  const intake = net.node('PW-GRID-1', at(gridIntake), 'intake', { name: '10kV市政电源进线', nameEn: '10 kV grid connection', voltageKv: 10 });
  const switchgear = substations.map((s, i) => net.node(`SUB-${i + 1}`, at(s), 'switchgear', { name: `${i + 1}号配电房`, nameEn: `Substation ${i + 1}`, voltageKv: 10, zone: s.zone }));
  const ring = [intake, ...switchgear, switchgear[0]!];
  for (let i = 1; i < ring.length; i++) {
    const from = ring[i - 1]!;
    const to = ring[i]!;
    net.link(net.nextId('PW-HV-', 2), from, to, 'cable', { ...HV, openPoint: i === ring.length - 1 }, grid.route(net.positionOf(from), net.positionOf(to)).slice(1, -1));
  }
  const transformers = substations.map((s, i) =>
    transformerIds(i).map((id, k) => {
      const node = net.node(id, pt(s.eastM + (k === 0 ? -3 : 3), s.northM), 'transformer', { ratedKva: TRANSFORMER_KVA, ratedKw: TRANSFORMER_KW, voltageKv: 10, secondaryVoltageKv: 0.4, substation: switchgear[i]! });
      net.link(`PW-TX-${id.slice(3)}`, switchgear[i]!, node, 'cable', { ...HV, depthM: 0, installation: 'indoor' });
      return node;
    }),
  );

  const load = new Map<string, number>();
  const feed = (from: string, to: string, id: string, ratedKw: number): void => {
    const cable = ratedKw > 315 ? 'YJV22-0.6/1kV-4x240+1x120' : ratedKw > 160 ? 'YJV22-0.6/1kV-4x150+1x70' : 'YJV22-0.6/1kV-4x70+1x35';
    net.link(id, from, to, 'cable', { ...LV, cableType: cable, ratedKw }, grid.route(net.positionOf(from), net.positionOf(to)).slice(1, -1));
    load.set(from, (load.get(from) ?? 0) + ratedKw);
  };
  /** The least loaded transformer of the two nearest substations (ties to the nearer). */
  const transformerFor = (p: SitePoint): string => {
    const near = substations.map((s, i) => ({ i, d: distance(p, at(s)) })).sort((a, b) => a.d - b.d || a.i - b.i).slice(0, 2);
    const candidates = near.flatMap(({ i }) => transformers[i]!);
    return candidates.reduce((best, tx) => ((load.get(tx) ?? 0) < (load.get(best) ?? 0) ? tx : best));
  };

  for (const b of layout.buildings) {
    const key = buildingEquipmentKey(b.id, 'POWER-METER');
    const meterAt = facadePoint(b, grid.nearest(pt(b.eastM, b.northM), 10).point, 1);
    const ratedKw = feederRatingKw(b);
    net.node(key, meterAt, 'meter', {
      name: `${b.name}低压进线电表`,
      nameEn: `${b.nameEn} power meter`,
      building: b.id,
      ratedKw,
      householdMeters: householdsOf(b),
      ifcGlobalId: ifcGlobalId(key),
    });
    feed(transformerFor(meterAt), key, `FEEDER-${b.id}`, ratedKw);
  }
  addChargers(net, layout, transformerFor, feed);
  return net.build();
}

type Feed = (from: string, to: string, id: string, ratedKw: number) => void;

/** EV charger panels in each garage and a cable to each charger (MUN-4 provision for EV chargers). */
function addChargers(net: NetworkBuilder, layout: CommunityLayout, transformerFor: (p: SitePoint) => string, feed: Feed): void {
  const garages = [...new Set(layout.utilities.evChargers.map((c) => c.garage))];
  garages.forEach((garageId, g) => {
    const chargers = layout.utilities.evChargers.filter((c) => c.garage === garageId);
    const garage = layout.buildings.find((b) => b.id === garageId)!;
    const panelAt = pt(chargers[0]!.eastM - 4, chargers[0]!.northM - 3);
    const panel = net.node(`EVP-${g + 1}`, panelAt, 'panel', { name: `${garage.name}充电桩配电箱`, nameEn: `${garage.nameEn} EV charger panel`, building: garage.id });
    const totalKw = chargers.reduce((sum, c) => sum + c.ratedKw, 0);
    feed(transformerFor(panelAt), panel, `FEEDER-EVP-${g + 1}`, Math.min(630, Math.ceil(totalKw * 0.8)));
    for (const c of chargers) {
      const charger = net.node(c.id, at(c), 'ev-charger', { ratedKw: c.ratedKw, chargerType: c.ratedKw > 20 ? 'DC' : 'AC', building: garage.id, zone: c.zone });
      net.link(`PW-${c.id}`, panel, charger, 'cable', { voltageKv: 0.4, depthM: 0, installation: 'cable-tray', cableType: c.ratedKw > 20 ? 'YJV-0.6/1kV-4x35+1x16' : 'YJV-0.6/1kV-3x6', ratedKw: c.ratedKw });
    }
  });
}

function at(u: UtilityPoint): SitePoint {
  return pt(u.eastM, u.northM);
}
