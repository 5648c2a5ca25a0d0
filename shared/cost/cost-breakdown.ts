/** What one option costs per month, in USD, by what the money pays for. The four parts add up to the total. */
export interface CostBreakdown {
  /** Training accelerator-hours (rented) or the training share of the owned fleet's amortized purchase. */
  training: number;
  /** Inference accelerator-hours (rented) or the inference share of the owned fleet's amortized purchase. */
  inference: number;
  /** Data leaving the cloud. */
  egress: number;
  /** Power, cooling, space and operations of owned accelerators (0 when renting: it is in the hourly price). */
  overhead: number;
}

/** The monthly total of a breakdown: training + inference + egress + overhead. */
export function breakdownTotal(breakdown: CostBreakdown): number {
  return breakdown.training + breakdown.inference + breakdown.egress + breakdown.overhead;
}
