/** `stratum --help`. */
export const MAIN_HELP = `Usage: stratum COMMAND [OPTIONS]

Scores the options of Stratum's five AI-infrastructure decisions from a workshop's answers,
with the reasons, risks and how robust each recommendation is.

Commands:
  evaluate FILE|-          evaluate an answers file (- reads standard input)
  cost FILE|-              monthly cost of cloud, on-premises and hybrid for an answers file
  pack validate FILE       check a rule pack and its monotonic expectations
  pack default             print the default rule pack (a starting point for your own)

Options:
  -h, --help               show help (also after a command: stratum evaluate --help)
  -v, --version            show the version

Exit status: 0 success, 2 a problem with the input (each named with file, field, found, allowed),
1 a bug in Stratum.`;

/** `stratum evaluate --help`. */
export const EVALUATE_HELP = `Usage: stratum evaluate FILE|- [--pack FILE] [--format json|text|markdown] [--samples N] [--seed N]

Evaluates a stratum.answers file (version 1) and prints, per decision, the ranked options with
per-criterion scores and the rules behind them, excluded options, risks with improvement actions,
flip points of every criterion weight, Monte Carlo robustness and unanswered factors that matter.

  FILE|-            the answers file; - reads it from standard input
  --pack FILE       a rule pack (stratum.pack) to use instead of the default pack
  --format F        json (default), text (a summary for a terminal) or markdown
  --samples N       random weightings for the robustness figure (default 10000)
  --seed N          seed of those weightings (default 1); the same seed gives the same output

Answers file:
  { "format": "stratum.answers", "version": 1,
    "answers": { "dataSensitivity": "regulated", "latencyP95Ms": 40 },
    "weights": { "cost": 3, "control": 5 },
    "stakeholders": [ { "name": "A. Chen", "role": "CISO", "weights": { "control": 5 } } ] }
  Every answer is optional (missing or null = unknown); weights are on a 0..5 scale.
  An optional "costAssumptions" object (see stratum cost --help) prices the deployment options; once
  the training and inference volumes are answered, their relative cost moves the Cost scores.`;

/** `stratum pack --help`. */
export const PACK_HELP = `Usage: stratum pack validate FILE [--format text|json]
       stratum pack default

  validate FILE   checks a rule pack: its shape, every id it refers to, every value against its factor's
                  domain, and its declared monotonic expectations over seeded random workshops.
                  Exit 0 when valid, 2 with one line per problem otherwise.
  default         prints the default rule pack as JSON.`;

/** `stratum cost --help`. */
export const COST_HELP = `Usage: stratum cost FILE|- [--format json|text] [--pack FILE]

Prices the workload an answers file describes under each deployment option (cloud, on-premises,
hybrid), per month in USD: the breakdown (training, inference, egress, overhead), the utilization
above which owning beats renting, cost at pilot and at production volume, and the budget status.
Formulas and assumptions: shared/cost/README.md.

  FILE|-            the answers file; - reads it from standard input
  --format F        json (default) or text (a summary for a terminal)
  --pack FILE       a rule pack to check the answers against instead of the default pack

Reads the answers monthlyTrainingGpuHours, monthlyInferenceRequests, sustainedGpuUtilization,
interruptionTolerance and egressTbPerMonth, and the optional "costAssumptions" object, e.g.
  "costAssumptions": { "cloudHourlyPrice": 6, "spotDiscount": 0.7, "monthlyBudget": 250000 }
Every assumption is optional (a missing one takes its default); a value out of range exits 2
naming costAssumptions.<field> and what is allowed.`;
