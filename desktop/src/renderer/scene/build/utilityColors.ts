/**
 * Colours of the utility networks, one table for every view of them (pipes, centrelines,
 * legends). They follow Chinese practice for underground utility maps: water supply blue and
 * drainage brown as in CJJ 61 (城市地下管线探测技术规程), power red (CJJ 61) shaded towards orange,
 * gas yellow as gas pipe is marked (GB 7231 identification colour, yellow PE gas pipe of
 * GB 15558.1), and rainwater green so that separated rain and sewage drainage (MUN-3) read apart
 * at a glance (from memory; verify against the standards).
 */
export const UTILITY_COLORS = {
  water: { color: 0x1e88e5, zh: '给水', en: 'Water supply' },
  rain: { color: 0x2e9d3f, zh: '雨水', en: 'Rainwater' },
  sewage: { color: 0x8d5524, zh: '污水', en: 'Sewage' },
  gas: { color: 0xffc400, zh: '燃气', en: 'Gas' },
  power: { color: 0xf4511e, zh: '电力', en: 'Power' },
} as const;

/** A network the table knows. */
export type KnownNetwork = keyof typeof UTILITY_COLORS;

/** Colour of networks the table does not know. */
export const UNKNOWN_NETWORK_COLOR = 0x9e9e9e;

/** The display colour (0xRRGGBB) of network `id` (`water`, `gas`, … as in the manifest role). */
export function networkColor(id: string): number {
  return Object.hasOwn(UTILITY_COLORS, id) ? UTILITY_COLORS[id as KnownNetwork].color : UNKNOWN_NETWORK_COLOR;
}

/** The network's name in the language `lang` (`zh-CN` or `en`); unknown networks keep their id. */
export function networkName(id: string, lang: string): string {
  if (!Object.hasOwn(UTILITY_COLORS, id)) return id;
  const entry = UTILITY_COLORS[id as KnownNetwork];
  return lang.startsWith('en') ? entry.en : entry.zh;
}
