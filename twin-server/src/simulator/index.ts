/**
 * The device simulator: behaves like the community's devices and publishes their telemetry
 * over MQTT, deterministic under a seed.
 */
export { startSimulator, systemClock, type Simulator, type SimulatorClock, type SimulatorOptions, type SimulatorStats, type TelemetryStats } from './startSimulator.ts';
export { DeviceBank, devicesOfRegistry, freshAirId, gasEsvId, GAS_STATION_ESV_ID, type DeviceCommandOutcome, type DeviceRefusal, type DeviceStatus, type FieldDevice, type FieldDeviceKind } from './deviceBank.ts';
export { DeviceCommandLink, type DeviceLinkStats } from './deviceCommandLink.ts';
export { runSimulateCommand, runSimulation, loadRegistry, parseReplaySpec, parseScenarios, type SimulateCommandOptions } from './simulateMain.ts';
export { SimulationEngine, type EngineOptions, type OutgoingMessage } from './simulationEngine.ts';
export { sampleValue, SIGNAL_MODELS } from './sampleValue.ts';
export { createSensorState, type SensorState } from './sensorState.ts';
export { createRng, streamKey } from './random.ts';
export { TELEMETRY_TOPIC, sensorTelemetryTopic, toSenml, type CompactBatch, type Reading, type SenmlRecord } from './payloads.ts';
export { loadReplaySeries, planReplayFeeds, REPLAY_DATASETS, ReplayDataMissingError, type ReplayDataset, type ReplayOptions } from './replay.ts';
