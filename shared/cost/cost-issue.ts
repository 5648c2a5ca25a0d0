/**
 * One problem with the cost model's input: `path` is the dotted path of the field
 * ("costAssumptions.spotDiscount"), `message` a whole sentence that names the path, what is allowed and
 * what was found ("costAssumptions.spotDiscount must be between 0.6 and 0.9; got 1.2").
 */
export interface CostIssue {
  path: string;
  message: string;
  /** For a value not allowed: what is, as a predicate ("a number between 0.6 and 0.9 (fraction off …)"). */
  allowed?: string;
}
