/**
 * What each kind of building is like: its occupancy, and its public rooms per storey and their
 * names when the site plan does not say.
 */
import type { IfcBuildingCategory } from './ifcBuildingSpec.ts';

/** A public room name in Chinese and English. */
export interface RoomName {
  zh: string;
  en: string;
}

/** Defaults and vocabulary of one building category. */
export interface CategoryProfile {
  zh: string;
  en: string;
  /** Pset_BuildingCommon.OccupancyType. */
  occupancyType: string;
  /** Public rooms per storey when the site plan gives none (residential: flats come from the plan). */
  roomsPerStorey: number;
  /** Room names, used in turn; residential towers have flats instead. */
  rooms: readonly RoomName[];
  /** IfcSpace PredefinedType of the rooms. */
  spaceType: 'SPACE' | 'PARKING';
}

const room = (zh: string, en: string): RoomName => ({ zh, en });

export const CATEGORY_PROFILES: Readonly<Record<IfcBuildingCategory, CategoryProfile>> = {
  residential: {
    zh: '住宅楼',
    en: 'Residential tower',
    occupancyType: 'Residential',
    roomsPerStorey: 4,
    rooms: [],
    spaceType: 'SPACE',
  },
  'service-center': {
    zh: '社区服务中心',
    en: 'Community service center',
    occupancyType: 'Community service',
    roomsPerStorey: 4,
    rooms: [
      room('服务大厅', 'Service hall'),
      room('多功能厅', 'Multi-purpose hall'),
      room('阅览室', 'Reading room'),
      room('活动室', 'Activity room'),
      room('会议室', 'Meeting room'),
      room('办公室', 'Office'),
    ],
    spaceType: 'SPACE',
  },
  'elderly-care': {
    zh: '养老院',
    en: 'Elderly-care home',
    occupancyType: 'Elderly care',
    roomsPerStorey: 6,
    rooms: [
      room('护理站', 'Nursing station'),
      room('居室', 'Residents’ room'),
      room('餐厅', 'Dining room'),
      room('活动室', 'Activity room'),
      room('康复室', 'Rehabilitation room'),
      room('居室', 'Residents’ room'),
    ],
    spaceType: 'SPACE',
  },
  clinic: {
    zh: '社区健康服务中心',
    en: 'Community health station',
    occupancyType: 'Health care',
    roomsPerStorey: 6,
    rooms: [
      room('候诊区', 'Waiting area'),
      room('诊室', 'Consulting room'),
      room('治疗室', 'Treatment room'),
      room('药房', 'Pharmacy'),
      room('检验室', 'Laboratory'),
      room('预防保健室', 'Preventive care room'),
    ],
    spaceType: 'SPACE',
  },
  kindergarten: {
    zh: '幼儿园',
    en: 'Kindergarten',
    occupancyType: 'Education (kindergarten)',
    roomsPerStorey: 6,
    rooms: [
      room('活动室', 'Group room'),
      room('寝室', 'Nap room'),
      room('活动室', 'Group room'),
      room('寝室', 'Nap room'),
      room('保健室', 'Health room'),
      room('厨房', 'Kitchen'),
    ],
    spaceType: 'SPACE',
  },
  school: {
    zh: '学校',
    en: 'School',
    occupancyType: 'Education (school)',
    roomsPerStorey: 8,
    rooms: [
      room('普通教室', 'Classroom'),
      room('普通教室', 'Classroom'),
      room('普通教室', 'Classroom'),
      room('专用教室', 'Specialist classroom'),
      room('普通教室', 'Classroom'),
      room('普通教室', 'Classroom'),
      room('教师办公室', 'Staff room'),
      room('食堂', 'Canteen'),
    ],
    spaceType: 'SPACE',
  },
  sports: {
    zh: '体育馆',
    en: 'Sports venue',
    occupancyType: 'Sports',
    roomsPerStorey: 2,
    rooms: [room('运动大厅', 'Sports hall'), room('更衣室', 'Changing rooms')],
    spaceType: 'SPACE',
  },
  parking: {
    zh: '停车楼',
    en: 'Parking garage',
    occupancyType: 'Parking',
    roomsPerStorey: 1,
    rooms: [room('停车区', 'Parking deck')],
    spaceType: 'PARKING',
  },
};
