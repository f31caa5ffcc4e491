import { defaultAlarmRules } from '@twin/domain';
import { SensorCatalog } from '../registry/sensorCatalog.ts';

/** `twin alarm-rules`: the default rules for a registry as a rules file, on standard output. */
export async function alarmRulesCommand(options: { registry: string }): Promise<void> {
  const catalog = await SensorCatalog.load(options.registry);
  console.log(JSON.stringify(defaultAlarmRules(catalog.registry), null, 2));
}
