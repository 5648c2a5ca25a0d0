/** What a monthly cost pays for, in USD. The six parts add up to the total. */
export interface CostBreakdown {
  /** Training and fine-tuning: rented accelerator-hours, or the training share of owned accelerators' purchase. */
  training: number;
  /** Serving your own models: rented accelerator-hours, or the serving share of owned accelerators' purchase. */
  inference: number;
  /** Calls to hosted APIs and vendors' solutions, priced per call or per token. */
  apis: number;
  /** Data leaving the cloud. */
  egress: number;
  /** Power, cooling, space, networking and support of owned accelerators (0 when renting: it is in the hourly price). */
  overhead: number;
  /** The fixed monthly cost of running an owned estate at all: its operations staff and facilities minimums. */
  operations: number;
}

/** The monthly total of a breakdown. */
export function breakdownTotal(b: CostBreakdown): number {
  return b.training + b.inference + b.apis + b.egress + b.overhead + b.operations;
}

/** A breakdown of nothing. */
export function emptyBreakdown(): CostBreakdown {
  return { training: 0, inference: 0, apis: 0, egress: 0, overhead: 0, operations: 0 };
}

/** Adds `b` into `into`, part by part. */
export function addBreakdown(into: CostBreakdown, b: CostBreakdown): CostBreakdown {
  into.training += b.training;
  into.inference += b.inference;
  into.apis += b.apis;
  into.egress += b.egress;
  into.overhead += b.overhead;
  into.operations += b.operations;
  return into;
}
