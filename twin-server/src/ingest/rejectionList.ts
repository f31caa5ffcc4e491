import { ERROR_CODES, type IngestRejectCode } from '@twin/protocol';

/** One refused reading (or payload), as reported to the sender. */
export interface Rejection {
  code: IngestRejectCode;
  message: string;
  /** Where in the payload, e.g. `readings[3]`, `[2].readings[0]`, `record 5`, or `payload`. */
  where: string;
  sensor?: string;
}

/**
 * The rejections of one payload: counted by reason (every one), and described in detail up to
 * a limit, so a payload of a million bad readings cannot produce a million-line answer.
 */
export class RejectionList {
  total = 0;
  readonly counts = new Map<IngestRejectCode, number>();
  readonly details: Rejection[] = [];

  constructor(private readonly detailLimit = 100) {}

  /** Empties the list for reuse. */
  clear(): void {
    if (this.total === 0) return;
    this.total = 0;
    this.counts.clear();
    this.details.length = 0;
  }

  add(code: IngestRejectCode, where: string, sensor?: string, message?: string, count = 1): void {
    this.total += count;
    this.counts.set(code, (this.counts.get(code) ?? 0) + count);
    if (this.details.length < this.detailLimit) {
      const rejection: Rejection = { code, message: message ?? ERROR_CODES[code].message, where };
      if (sensor !== undefined) rejection.sensor = sensor;
      this.details.push(rejection);
    }
  }
}
