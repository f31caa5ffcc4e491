/**
 * The web-ifc engine for Node: one initialised IfcAPI shared by the writers of this process.
 * Models opened on it must be closed by whoever opened them.
 */
import { IfcAPI, LogLevel } from 'web-ifc';

/** A fresh, initialised IfcAPI that logs errors only. */
export async function createIfcApi(): Promise<IfcAPI> {
  const api = new IfcAPI();
  await api.Init();
  api.SetLogLevel(LogLevel.LOG_LEVEL_ERROR);
  return api;
}

/** The process's shared IfcAPI, initialised when this module loads. */
export const sharedIfcApi: IfcAPI = await createIfcApi();
