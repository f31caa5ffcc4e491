/**
 * The frame rate a video really delivers (EVAL-1 indicator 32): the frames presented within the
 * last window, one second by default, counted from `requestVideoFrameCallback`. Time is an
 * argument, so the meter is pure; its samples live in preallocated arrays, so recording a frame
 * allocates nothing.
 *
 * @example
 * const meter = new FrameRateMeter();
 * video.requestVideoFrameCallback(function onFrame(now, frame) {
 *   meter.record(now, frame.presentedFrames);
 *   video.requestVideoFrameCallback(onFrame);
 * });
 * meter.rate(performance.now()); // 25 for a 25 fps stream, once it has played for a second
 */
export class FrameRateMeter {
  /** Sample times, ms, as a ring from `oldest` on. */
  private readonly times: Float64Array;
  /** The video's count of presented frames at each sample. */
  private readonly totals: Float64Array;
  private oldest = 0;
  private size = 0;

  /**
   * @param windowMs - how far back the rate looks.
   * @param capacity - samples kept; more than the callbacks of one window (the display's refresh
   *   rate bounds them), else the rate is unknown until the window fits again.
   */
  constructor(
    readonly windowMs = 1000,
    capacity = 256,
  ) {
    this.times = new Float64Array(capacity);
    this.totals = new Float64Array(capacity);
  }

  /** Frames the video has presented, as of the newest sample (0 before any). */
  get frames(): number {
    return this.size === 0 ? 0 : this.totals[this.index(this.size - 1)]!;
  }

  /** When the newest frame was presented, ms; undefined before any. */
  get lastFrameMs(): number | undefined {
    return this.size === 0 ? undefined : this.times[this.index(this.size - 1)];
  }

  /**
   * Records a presented frame.
   *
   * @param timeMs - when it was presented (the callback's `now`).
   * @param presentedFrames - the video's count of frames presented so far
   *   (`VideoFrameCallbackMetadata.presentedFrames`), which also counts frames presented between
   *   two callbacks. A smaller count than the last one means the video started over: the meter
   *   forgets what it had.
   */
  record(timeMs: number, presentedFrames: number): void {
    if (presentedFrames < this.frames) this.reset();
    if (this.size === this.times.length) this.dropOldest();
    const at = this.index(this.size);
    this.times[at] = timeMs;
    this.totals[at] = presentedFrames;
    this.size++;
    // Keep one sample at or before the window's start (it bounds the count), none older.
    while (this.size > 1 && this.times[this.index(1)]! <= timeMs - this.windowMs) this.dropOldest();
  }

  /**
   * Frames per second presented within the window that ends at `nowMs`: 0 when nothing came in
   * the window, undefined until the meter has watched for a whole window.
   */
  rate(nowMs: number): number | undefined {
    const start = nowMs - this.windowMs;
    let base = -1;
    for (let i = 0; i < this.size && this.times[this.index(i)]! <= start; i++) base = this.index(i);
    if (base < 0) return undefined;
    return ((this.frames - this.totals[base]!) * 1000) / this.windowMs;
  }

  /** Forgets every sample. */
  reset(): void {
    this.oldest = 0;
    this.size = 0;
  }

  private dropOldest(): void {
    this.oldest = this.index(1);
    this.size--;
  }

  private index(i: number): number {
    return (this.oldest + i) % this.times.length;
  }
}
