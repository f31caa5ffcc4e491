export * from './version.ts';
export * from './errors.ts';
export * from './sensorKinds.ts';
export * from './liveFrame.ts';
export * from './events.ts';
export * from './schemas/sensor.ts';
export * from './schemas/subscription.ts';
export * from './schemas/stats.ts';
