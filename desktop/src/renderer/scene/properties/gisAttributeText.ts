/**
 * Names of the GIS attributes of the community's site plan and utility networks, and of their
 * coded values, in Chinese and English (REQ PROP-2 e: a Chinese interface). Attributes a model
 * brings that are not listed here keep their own names.
 */

type Text = readonly [zh: string, en: string];

const LABELS: Record<string, Text> = {
  depthM: ['深度 (m)', 'Depth (m)'],
  diameterMm: ['管径 (mm)', 'Diameter (mm)'],
  lengthM: ['长度 (m)', 'Length (m)'],
  from: ['起点', 'From'],
  to: ['终点', 'To'],
  role: ['用途', 'Role'],
  material: ['材质', 'Material'],
  building: ['所属建筑', 'Building'],
  rimElevationM: ['井盖高程 (m)', 'Rim elevation (m)'],
  invertElevationM: ['井底高程 (m)', 'Invert elevation (m)'],
  slope: ['坡度', 'Slope'],
  fromInvertElevationM: ['起点管底高程 (m)', 'Upstream invert (m)'],
  toInvertElevationM: ['终点管底高程 (m)', 'Downstream invert (m)'],
  pressureZone: ['供水分区', 'Pressure zone'],
  pressureClass: ['压力级制', 'Pressure class'],
  ratedKw: ['额定功率 (kW)', 'Rated power (kW)'],
  normallyOpen: ['常开', 'Normally open'],
  valveType: ['阀门类型', 'Valve type'],
  zone: ['片区', 'Zone'],
  householdMeters: ['户表数', 'Household meters'],
  voltageKv: ['电压 (kV)', 'Voltage (kV)'],
  cableType: ['电缆型号', 'Cable type'],
  installation: ['敷设方式', 'Installation'],
  widthM: ['宽度 (m)', 'Width (m)'],
  hydrantType: ['消火栓类型', 'Hydrant type'],
  category: ['类别', 'Category'],
  storeys: ['地上层数', 'Storeys'],
  basements: ['地下层数', 'Basements'],
  heightM: ['高度 (m)', 'Height (m)'],
  storeyHeightM: ['层高 (m)', 'Storey height (m)'],
  flatsPerStorey: ['每层户数', 'Flats per storey'],
  households: ['户数', 'Households'],
  parkingSpaces: ['车位数', 'Parking spaces'],
  hasGas: ['通燃气', 'Piped gas'],
  rotationDeg: ['旋转角 (°)', 'Rotation (°)'],
  attachedTo: ['安装于', 'Attached to'],
  alarmLel: ['报警阈值 (%LEL)', 'Alarm threshold (%LEL)'],
  mounting: ['安装位置', 'Mounting'],
  chargerType: ['充电类型', 'Charger type'],
  valveWell: ['阀门井', 'Valve well'],
  areaM2: ['面积 (m²)', 'Area (m²)'],
  class: ['道路等级', 'Road class'],
  lanes: ['车道数', 'Lanes'],
  municipal: ['市政道路', 'Municipal'],
  oneway: ['单行', 'One way'],
  kind: ['类型', 'Kind'],
  ratedKva: ['额定容量 (kVA)', 'Rated capacity (kVA)'],
  secondaryVoltageKv: ['二次电压 (kV)', 'Secondary voltage (kV)'],
  substation: ['所属配电房', 'Substation'],
  code: ['代码', 'Code'],
  pedestrian: ['人行', 'Pedestrians'],
  vehicle: ['车行', 'Vehicles'],
  openPoint: ['联络开关断开', 'Open point'],
  routes: ['公交线路', 'Bus routes'],
  areaPerPersonM2: ['人均面积 (m²)', 'Area per person (m²)'],
  capacityPersons: ['容纳人数', 'Capacity (persons)'],
  manager: ['管理单位', 'Managed by'],
  meter: ['计量表', 'Meter'],
  greenAreaM2: ['绿地面积 (m²)', 'Green area (m²)'],
  greenRatio: ['绿地率', 'Green ratio'],
  groundElevationM: ['地面高程 (m)', 'Ground elevation (m)'],
  inletPressureClass: ['进口压力级制', 'Inlet pressure class'],
  outletPressureClass: ['出口压力级制', 'Outlet pressure class'],
  outletPressureKPa: ['出口压力 (kPa)', 'Outlet pressure (kPa)'],
};

/** Coded values, by attribute. */
const VALUES: Record<string, Record<string, Text>> = {
  role: {
    connection: ['接户管', 'Connection'],
    'hydrant-branch': ['消火栓支管', 'Hydrant branch'],
    intake: ['市政接入管', 'Intake'],
    main: ['干管', 'Main'],
    'riser-connection': ['立管连接管', 'Riser connection'],
    service: ['户线', 'Service line'],
    'station-outlet': ['调压站出口管', 'Station outlet'],
  },
  material: {
    'HDPE-double-wall-corrugated': ['HDPE 双壁波纹管', 'HDPE double-wall corrugated'],
    'PE100-SDR11': ['PE100 SDR11 聚乙烯管', 'PE100 SDR11'],
    'ductile-iron': ['球墨铸铁管', 'Ductile iron'],
    'reinforced-concrete': ['钢筋混凝土管', 'Reinforced concrete'],
    'stainless-steel': ['不锈钢管', 'Stainless steel'],
    steel: ['钢管', 'Steel'],
  },
  pressureZone: { municipal: ['市政直供', 'Municipal'] },
  pressureClass: { low: ['低压', 'Low'], medium: ['中压', 'Medium'] },
  inletPressureClass: { low: ['低压', 'Low'], medium: ['中压', 'Medium'] },
  outletPressureClass: { low: ['低压', 'Low'], medium: ['中压', 'Medium'] },
  valveType: {
    'emergency-shutoff': ['紧急切断阀', 'Emergency shut-off'],
    intake: ['进户总阀', 'Intake'],
    section: ['分段阀', 'Section'],
    service: ['户线阀', 'Service'],
  },
  installation: { 'above-ground': ['地上', 'Above ground'], 'cable-tray': ['桥架', 'Cable tray'], indoor: ['室内', 'Indoor'] },
  hydrantType: { 'outdoor-underground': ['室外地下式', 'Outdoor underground'] },
  category: {
    clinic: ['卫生服务站', 'Health station'],
    'elderly-care': ['养老设施', 'Elderly care'],
    kindergarten: ['幼儿园', 'Kindergarten'],
    parking: ['停车库', 'Parking'],
    residential: ['住宅', 'Residential'],
    school: ['学校', 'School'],
    'service-center': ['社区服务中心', 'Community service center'],
    sports: ['体育设施', 'Sports'],
  },
  mounting: { 'regulator-room': ['调压间', 'Regulator room'], valve: ['阀门处', 'At the valve'], 'valve-well': ['阀门井内', 'In the valve well'] },
  chargerType: { AC: ['交流慢充', 'AC'], DC: ['直流快充', 'DC'] },
  class: {
    footway: ['人行道', 'Footway'],
    primary: ['主干路', 'Primary'],
    residential: ['小区道路', 'Residential'],
    secondary: ['次干路', 'Secondary'],
    service: ['服务道路', 'Service'],
    tertiary: ['支路', 'Tertiary'],
  },
  kind: { belt: ['防护绿带', 'Green belt'], courtyard: ['宅间绿地', 'Courtyard'], park: ['公园', 'Park'] },
};

const pick = (text: Text, lang: string) => (lang.startsWith('en') ? text[1] : text[0]);

/** The display name of GIS attribute `key` in `lang`; unknown attributes keep their key. */
export function gisAttributeLabel(key: string, lang: string): string {
  return Object.hasOwn(LABELS, key) ? pick(LABELS[key]!, lang) : key;
}

/** The display text of a coded value of attribute `key`, or `undefined` when it is not a known code. */
export function gisAttributeValue(key: string, value: unknown, lang: string): string | undefined {
  if (typeof value !== 'string' || !Object.hasOwn(VALUES, key)) return undefined;
  const codes = VALUES[key]!;
  return Object.hasOwn(codes, value) ? pick(codes[value]!, lang) : undefined;
}
