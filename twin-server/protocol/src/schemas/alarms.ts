import { z } from 'zod';

const alarmId = z.string().min(1).max(300);
const note = z.string().trim().min(1).max(2000);

/** `POST /api/alarms/acknowledge`: one or more alarms, with an optional note. */
export const alarmAcknowledgeSchema = z.object({ alarmIds: z.array(alarmId).min(1).max(10_000), note: note.optional() }).strict();

/** `POST /api/alarms/shelve`: hide an alarm for a time, with a reason (ISA-18.2 shelving). */
export const alarmShelveSchema = z
  .object({ alarmId, durationMs: z.number().int().positive(), reason: note })
  .strict();

/** `POST /api/alarms/unshelve`, `/reset`, `/remove-from-service`, `/return-to-service`. */
export const alarmActionSchema = z.object({ alarmId, note: note.optional() }).strict();

/** `POST /api/alarms/comment`. */
export const alarmCommentSchema = z.object({ alarmId, note }).strict();

/** `GET /api/alarms/events?alarmId=&limit=`. */
export const alarmHistoryQuerySchema = z.object({ alarmId, limit: z.coerce.number().int().min(1).max(1000).default(100) }).strict();

/** `GET /api/alarms/kpis?from=&to=&operators=` (epoch ms; operators default to the organisation's operators). */
export const alarmKpiQuerySchema = z
  .object({ from: z.coerce.number().int(), to: z.coerce.number().int(), operators: z.coerce.number().int().min(1).max(1000).optional() })
  .strict();
