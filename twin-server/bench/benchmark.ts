/** One measured figure, printed as `BENCH <name> <value> <unit>`. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
}

/** A benchmark module: `run` measures and returns its figures. */
export interface Benchmark {
  /** Short name used to filter (`npm run bench -- ingest`). */
  name: string;
  run(): Promise<BenchFigure[]>;
}

/** Formats a figure as its report line. */
export function formatFigure(figure: BenchFigure): string {
  const digits = Math.abs(figure.value) >= 100 ? 0 : Math.abs(figure.value) >= 1 ? 2 : 3;
  return `BENCH ${figure.name} ${figure.value.toFixed(digits)} ${figure.unit}`;
}
