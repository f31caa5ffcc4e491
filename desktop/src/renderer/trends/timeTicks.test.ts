import { describe, expect, it } from 'vitest';
import { timeTickLabels } from './timeTicks.ts';

const SHANGHAI = 'Asia/Shanghai';
/** Epoch ms of a Shanghai time on November 2026. */
const local = (day: number, hour: number, minute = 0, second = 0) => Date.UTC(2026, 10, day, hour - 8, minute, second);

describe('time axis labels (PROP-2 e Chinese interface)', () => {
  it('labels minutes as 24-hour times, with the Chinese date under the first tick and where the day changes', () => {
    const ticks = [local(24, 23, 0), local(24, 23, 30), local(25, 0, 0), local(25, 0, 30)];
    expect(timeTickLabels(ticks, 30 * 60_000, 'zh-CN', SHANGHAI)).toEqual(['23:00\n11月24日', '23:30', '00:00\n11月25日', '00:30']);
  });

  it('shows seconds below a minute step', () => {
    expect(timeTickLabels([local(24, 14, 5, 10), local(24, 14, 5, 20)], 10_000, 'zh-CN', SHANGHAI)).toEqual(['14:05:10\n11月24日', '14:05:20']);
  });

  it('labels days by their date alone, in either language', () => {
    const ticks = [local(24, 0), local(25, 0)];
    expect(timeTickLabels(ticks, 86_400_000, 'zh-CN', SHANGHAI)).toEqual(['11月24日', '11月25日']);
    expect(timeTickLabels(ticks, 86_400_000, 'en', SHANGHAI)).toEqual(['Nov 24', 'Nov 25']);
  });
});
