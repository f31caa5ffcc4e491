/**
 * Operations equipment the twin monitors, each with its IFC4 class. Counts of lifts, gas risers
 * and cameras, and the storeys with gas, come from the spec (the site plan).
 *
 * | key | class / PredefinedType | where |
 * |---|---|---|
 * | `B03/LIFT-n` | IfcTransportElement / ELEVATOR | core, entry storey (`F1`) |
 * | `B03/GAS-RISER-n` | IfcPipeSegment / RIGIDSEGMENT | core, `F1`, up through the gas storeys |
 * | `B03/F12/GAS-DET` | IfcSensor / GASSENSOR | at riser 1, each storey with gas |
 * | `B03/GAS-METER` | IfcFlowMeter / GASMETER | outside the front wall, `F1` |
 * | `B03/GAS-ESV` | IfcValve / SAFETYCUTOFF | outside the front wall, `F1` |
 * | `B03/GAS-ALARM` | IfcUnitaryControlElement / GASDETECTIONPANEL | core, `F1` |
 * | `B03/WATER-METER` | IfcFlowMeter / WATERMETER | pump room |
 * | `B03/POWER-METER` | IfcFlowMeter / ENERGYMETER | electrical room |
 * | `B03/B1/PUMP-n` | IfcPump / VERTICALINLINE | pump room |
 * | `B03/FAN-n` | IfcFan / CENTRIFUGALBACKWARDINCLINEDCURVED | roof of the top storey |
 * | `B03/CAM-n` | IfcAudioVisualAppliance / CAMERA | entrance, lift hall, then round the storeys |
 *
 * IFC4 has a camera class, IfcAudioVisualAppliance with PredefinedType CAMERA (and
 * Pset_AudioVisualApplianceTypeCamera), so cameras use it rather than IfcSensor or a proxy.
 * A gas alarm panel, which takes the detectors' signals, sounds the alarm and trips the
 * shut-off valve, is IFC4's IfcUnitaryControlElement GASDETECTIONPANEL; IfcAlarm is meant for
 * bells, sirens and beacons. Electricity meters are IfcFlowMeter ENERGYMETER: IFC4 has no
 * separate electric meter class.
 */
import { plantRoomKey } from '../elementKeys.ts';
import type { PlannedElement, PlannedElementClass, PlannedShape, PlannedStorey, ShapeStyle } from './buildingPlan.ts';
import type { FloorLayout } from './floorLayout.ts';
import { centreOf, SLAB_THICKNESS_M } from './floorLayout.ts';
import type { IfcBuildingSpec } from './ifcBuildingSpec.ts';
import {
  bool,
  count,
  elementPset,
  integer,
  label,
  positiveLength,
  positiveRatio,
  prop,
  type PlannedProperty,
  type PlannedPropertySet,
} from './plannedProperty.ts';
import { ELEC_ROOM, plantRoomRects, plantStoreyNumber, PUMP_ROOM } from './planSpaces.ts';
import { entryStoreyNumber } from './planStoreys.ts';

/** Combustible-gas alarm set point: 20 % of the lower explosive limit (MUN-5, indicator 17). */
export const GAS_ALARM_FRACTION_OF_LEL = 0.2;
/** Lower explosive limit of methane (piped natural gas), volume fraction. */
export const METHANE_LEL_VOLUME_FRACTION = 0.05;

const PUMPS = 2;
const FANS = 2;

interface Fixture {
  /** Key after the building id, e.g. `GAS-ESV`, `F12/GAS-DET`. */
  segment: string;
  storey: PlannedStorey;
  containerKey?: string;
  ifcClass: PlannedElementClass;
  predefinedType: string;
  name: string;
  nameEn: string;
  shape: PlannedShape;
  style: ShapeStyle;
  clauses: string[];
  extra?: PlannedProperty[];
  psets?: PlannedPropertySet[];
}

/** All operations equipment of a building, in key-list order. */
export function planEquipment(spec: IfcBuildingSpec, layout: FloorLayout, storeys: readonly PlannedStorey[]): PlannedElement[] {
  const byNumber = (number: number): PlannedStorey => {
    const storey = storeys.find((s) => s.number === number);
    if (storey === undefined) throw new Error(`${spec.id} has no storey ${number}`);
    return storey;
  };
  const entry = byNumber(entryStoreyNumber(spec));
  const plant = byNumber(plantStoreyNumber(spec));
  const fixtures: Fixture[] = [
    ...lifts(spec, entry, storeys.length),
    ...gasFixtures(spec, layout, storeys, entry),
    ...meters(spec, layout, plant),
    ...pumps(spec, layout, plant),
    ...fans(spec, layout, storeys[storeys.length - 1]!),
    ...cameras(spec, layout, storeys, entry),
  ];
  return fixtures.map((f) => {
    const key = `${spec.id}/${f.segment}`;
    return {
      key,
      ifcClass: f.ifcClass,
      predefinedType: f.predefinedType,
      storeyKey: f.storey.key,
      containerKey: f.containerKey ?? f.storey.key,
      name: f.name,
      nameEn: f.nameEn,
      shape: f.shape,
      style: f.style,
      psets: [...(f.psets ?? []), elementPset(key, f.clauses, f.extra)],
    };
  });
}

function box(x: number, y: number, z: number, sx: number, sy: number, sz: number): PlannedShape {
  return { kind: 'box', x, y, z, sx, sy, sz };
}

/** Lift cars parked at the entry storey, side by side in the core; the last of several is the fire-fighting lift. */
function lifts(spec: IfcBuildingSpec, entry: PlannedStorey, servedStoreys: number): Fixture[] {
  const n = spec.lifts;
  return Array.from({ length: n }, (_, i) => {
    const fireLift = n > 1 && i === n - 1;
    return {
      segment: `LIFT-${i + 1}`,
      storey: entry,
      ifcClass: 'IfcTransportElement',
      predefinedType: 'ELEVATOR',
      name: fireLift ? `${i + 1}号消防电梯` : `${i + 1}号电梯`,
      nameEn: fireLift ? `Lift ${i + 1} (fire-fighting)` : `Lift ${i + 1}`,
      shape: box((i - (n - 1) / 2) * 2.2, 0, 0.05, 1.6, 1.5, 2.3),
      style: 'lift',
      clauses: ['ENV-1', 'PROP-1', 'PROP-2'],
      psets: [
        { name: 'Pset_TransportElementCommon', properties: [prop('CapacityPeople', count(13)), prop('FireExit', bool(fireLift))] },
        { name: 'Pset_TransportElementElevator', properties: [prop('FireFightingLift', bool(fireLift))] },
      ],
      extra: [prop('ServedStoreys', integer(servedStoreys))],
    };
  });
}

function gasFixtures(spec: IfcBuildingSpec, layout: FloorLayout, storeys: readonly PlannedStorey[], entry: PlannedStorey): Fixture[] {
  if (!spec.hasGas) return [];
  const served = storeys.filter((storey) => spec.gasStoreys.includes(storey.number));
  const { x, y } = layout.riser;
  const top = served[served.length - 1] ?? entry;
  const riserHeightM = top.elevationM + top.heightM - SLAB_THICKNESS_M - entry.elevationM;
  // Risers in turn at the east and the west end of the core.
  const risers = Array.from({ length: spec.gasRisers }, (_, i): Fixture => ({
    segment: `GAS-RISER-${i + 1}`,
    storey: entry,
    ifcClass: 'IfcPipeSegment',
    predefinedType: 'RIGIDSEGMENT',
    name: `${i + 1}号燃气立管`,
    nameEn: `Gas riser ${i + 1}`,
    shape: { kind: 'cylinder', x: i % 2 === 0 ? x : -x, y, z: 0, radius: 0.05, height: riserHeightM },
    style: 'gas',
    clauses: ['MUN-5'],
    psets: [{ name: 'Pset_PipeSegmentTypeCommon', properties: [prop('NominalDiameter', positiveLength(0.1))] }],
    extra: [prop('PressureClass', label('低压 low pressure (≤ 0.01 MPa)')), prop('Medium', label('natural gas'))],
  }));
  const detectors = served.map(
    (storey): Fixture => ({
      segment: `${storey.code}/GAS-DET`,
      storey,
      ifcClass: 'IfcSensor',
      predefinedType: 'GASSENSOR',
      name: `${storey.name}可燃气体探测器`,
      nameEn: `Combustible gas detector, ${storey.nameEn.toLowerCase()}`,
      // Natural gas is lighter than air: the detector hangs just under the ceiling.
      shape: box(x, y - 0.3, storey.heightM - SLAB_THICKNESS_M - 0.3, 0.12, 0.12, 0.1),
      style: 'sensor',
      clauses: ['MUN-5'],
      psets: [gasSensorPset()],
      extra: [prop('AlarmSetPointLEL', positiveRatio(GAS_ALARM_FRACTION_OF_LEL), 'fraction of the lower explosive limit: 20 %LEL (MUN-5)')],
    }),
  );
  // The service pipe enters at the front: meter and shut-off valve stand outside the front wall.
  const outsideY = -layout.depthM / 2 - 0.6;
  const meter: Fixture = {
    segment: 'GAS-METER',
    storey: entry,
    ifcClass: 'IfcFlowMeter',
    predefinedType: 'GASMETER',
    name: '楼栋燃气总表',
    nameEn: 'Building gas meter',
    shape: box(x - 0.8, outsideY, 0.6, 0.4, 0.3, 0.4),
    style: 'gas',
    clauses: ['MUN-1', 'MUN-5'],
    extra: [prop('RemoteReading', bool(true))],
  };
  const valve: Fixture = {
    segment: 'GAS-ESV',
    storey: entry,
    ifcClass: 'IfcValve',
    predefinedType: 'SAFETYCUTOFF',
    name: '燃气紧急切断阀',
    nameEn: 'Gas emergency shut-off valve',
    shape: box(x, outsideY, 0.6, 0.3, 0.15, 0.25),
    style: 'gas',
    clauses: ['MUN-5', 'PLAT-6'],
    extra: [prop('ClosesOnGasAlarm', bool(true)), prop('TrippedBy', label(`${spec.id}/GAS-ALARM`))],
  };
  const panel: Fixture = {
    segment: 'GAS-ALARM',
    storey: entry,
    ifcClass: 'IfcUnitaryControlElement',
    predefinedType: 'GASDETECTIONPANEL',
    name: '可燃气体报警控制器',
    nameEn: 'Gas alarm panel',
    shape: box(x - 1.5, layout.core.y0 + 0.1, 1.4, 0.5, 0.12, 0.6),
    style: 'sensor',
    clauses: ['MUN-5', 'PROP-2'],
    extra: [prop('DetectorCount', integer(detectors.length)), prop('ShutOffValve', label(`${spec.id}/GAS-ESV`))],
  };
  return [...risers, ...detectors, meter, valve, panel];
}
function gasSensorPset(): PlannedPropertySet {
  return {
    name: 'Pset_SensorTypeGasSensor',
    properties: [
      prop('GasDetected', label('CH4')),
      prop(
        'SetPointConcentration',
        positiveRatio(GAS_ALARM_FRACTION_OF_LEL * METHANE_LEL_VOLUME_FRACTION),
        'volume fraction: 20 %LEL of methane (LEL 5 % vol), MUN-5',
      ),
    ],
  };
}

function meters(spec: IfcBuildingSpec, layout: FloorLayout, plant: PlannedStorey): Fixture[] {
  const rooms = plantRoomRects(spec, layout, plant);
  const pumpRoom = centreOf(rooms.pump);
  const elecRoom = centreOf(rooms.elec);
  return [
    {
      segment: 'WATER-METER',
      storey: plant,
      containerKey: plantRoomKey(spec.id, PUMP_ROOM, plant.number),
      ifcClass: 'IfcFlowMeter',
      predefinedType: 'WATERMETER',
      name: '楼栋总水表',
      nameEn: 'Building water meter',
      shape: box(pumpRoom.x, pumpRoom.y + 0.8, 0.8, 0.4, 0.2, 0.3),
      style: 'water',
      clauses: ['MUN-1', 'MUN-3'],
      extra: [prop('RemoteReading', bool(true))],
    },
    {
      segment: 'POWER-METER',
      storey: plant,
      containerKey: plantRoomKey(spec.id, ELEC_ROOM, plant.number),
      ifcClass: 'IfcFlowMeter',
      predefinedType: 'ENERGYMETER',
      name: '楼栋总电表',
      nameEn: 'Building power meter',
      shape: box(elecRoom.x, elecRoom.y, 1.5, 0.3, 0.2, 0.4),
      style: 'power',
      clauses: ['MUN-1', 'MUN-4'],
      extra: [prop('RemoteReading', bool(true))],
    },
  ];
}

function pumps(spec: IfcBuildingSpec, layout: FloorLayout, plant: PlannedStorey): Fixture[] {
  const room = centreOf(plantRoomRects(spec, layout, plant).pump);
  return Array.from({ length: PUMPS }, (_, i) => ({
    segment: `${plant.code}/PUMP-${i + 1}`,
    storey: plant,
    containerKey: plantRoomKey(spec.id, PUMP_ROOM, plant.number),
    ifcClass: 'IfcPump',
    predefinedType: 'VERTICALINLINE',
    name: `${i + 1}号生活给水泵`,
    nameEn: `Domestic water booster pump ${i + 1}`,
    shape: box(room.x + (i - (PUMPS - 1) / 2) * 1.2, room.y - 0.4, 0, 0.6, 0.6, 1.0),
    style: 'water',
    clauses: ['MUN-3', 'PROP-2'],
    extra: [prop('Duty', label(i === 0 ? 'duty' : 'standby'))],
  }));
}

/** Fans on the roof of the top storey; a building wholly below ground hangs them under its ceiling. */
function fans(spec: IfcBuildingSpec, layout: FloorLayout, top: PlannedStorey): Fixture[] {
  const parking = spec.category === 'parking';
  const x = layout.interior.x1 - 2;
  const z = top.number > 0 ? top.heightM : top.heightM - SLAB_THICKNESS_M - 1.1;
  return Array.from({ length: FANS }, (_, i) => ({
    segment: `FAN-${i + 1}`,
    storey: top,
    ifcClass: 'IfcFan',
    predefinedType: 'CENTRIFUGALBACKWARDINCLINEDCURVED',
    name: parking ? `${i + 1}号排风机` : i === 0 ? '排烟风机' : '加压送风机',
    nameEn: parking ? `Exhaust fan ${i + 1}` : i === 0 ? 'Smoke exhaust fan' : 'Stair pressurisation fan',
    shape: box(i === 0 ? x : -x, 0, z, 1.2, 1.2, 1.0),
    style: 'fan',
    clauses: ['ENV-1', 'PROP-2'],
  }));
}

/**
 * Cameras under the ceiling along the front of the core: `CAM-1` at the entrance and `CAM-2` at
 * the lift hall on the entry storey, the rest spread over the storeys from the lowest up.
 */
function cameras(spec: IfcBuildingSpec, layout: FloorLayout, storeys: readonly PlannedStorey[], entry: PlannedStorey): Fixture[] {
  const { interior, core } = layout;
  const perStorey = Math.ceil(Math.max(0, spec.cameras - 2) / storeys.length);
  return Array.from({ length: spec.cameras }, (_, i) => {
    const first = i < 2;
    const storey = first ? entry : storeys[(i - 2) % storeys.length]!;
    const slot = Math.floor((i - 2) / storeys.length);
    const x = first ? (i === 0 ? 3.5 : -3.5) : interior.x0 + ((slot + 1) * (interior.x1 - interior.x0)) / (perStorey + 1);
    return {
      segment: `CAM-${i + 1}`,
      storey,
      ifcClass: 'IfcAudioVisualAppliance',
      predefinedType: 'CAMERA',
      name: i === 0 ? '入口摄像机' : i === 1 ? '电梯厅摄像机' : `${storey.name}摄像机`,
      nameEn: i === 0 ? 'Entrance camera' : i === 1 ? 'Lift hall camera' : `Camera, ${storey.nameEn.toLowerCase()}`,
      shape: box(x, core.y0 + 0.15, storey.heightM - SLAB_THICKNESS_M - 0.25, 0.12, 0.2, 0.12),
      style: 'camera',
      clauses: ['GOV-3', 'EVAL-1'],
      psets: [
        {
          name: 'Pset_AudioVisualApplianceTypeCamera',
          properties: [prop('IsOutdoors', bool(false)), prop('VideoResolutionWidth', integer(1920)), prop('VideoResolutionHeight', integer(1080))],
        },
      ],
      // EVAL-1: at least 25 frames per second at CIF or better.
      extra: [prop('FrameRate', integer(25), 'frames per second (EVAL-1: at least 25 fps at CIF or better)')],
    };
  });
}
