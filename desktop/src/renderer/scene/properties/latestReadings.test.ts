import { describe, expect, it } from 'vitest';
import { fetchLatestReadings, latestBySensor } from './latestReadings.ts';

describe('latest readings', () => {
  it('keeps the newest row of each sensor and skips malformed rows', () => {
    const latest = latestBySensor({ rows: [{ sensorId: 'a', tsMs: 2, value: 5 }, { sensorId: 'a', tsMs: 1, value: 4 }, { sensorId: 'b', tsMs: 1, value: 9 }, { sensorId: 'c', tsMs: 'x', value: 1 }] });
    expect([...latest]).toEqual([['a', { value: 5, tsMs: 2 }], ['b', { value: 9, tsMs: 1 }]]);
    expect(latestBySensor({ error: {} }).size).toBe(0);
  });

  it('asks for a raw JSON window of the last quarter hour for every sensor', async () => {
    let asked = '';
    const api = { get: async (path: string) => ((asked = path), new Response(JSON.stringify({ resolution: 'raw', rows: [] }), { status: 200 })) };
    await fetchLatestReadings(api, ['B01-GV-LEL-01', 'B01-IN-GASFLOW-01'], 1_000_000_000);
    expect(asked).toBe('/api/readings?sensor=B01-GV-LEL-01&sensor=B01-IN-GASFLOW-01&from=999100000&to=1000000000&resolution=raw&format=json');
  });
});
