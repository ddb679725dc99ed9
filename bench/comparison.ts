/** One measured pair: a baseline and the library's work on the same input, per event. */
export interface Comparison {
  name: string;
  baseline: { label: string; run: () => unknown };
  /** The same work as the subject with none of its checks (bench/floor.ts): what any mapper must pay. */
  floor?: { label: string; run: () => unknown };
  subject: { label: string; run: () => unknown };
  /** Events processed by one call of `run`. */
  events: number;
  /** The most the subject may cost, as a multiple of the baseline. */
  target: number;
}
