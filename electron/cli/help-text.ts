/** `stratum --help`. */
export const MAIN_HELP = `Usage: stratum COMMAND [OPTIONS]

Scores the options of Stratum's AI-infrastructure decisions from a workshop's answers: where each
use case of the roadmap runs, how it serves and how it is sourced, and the five organisation
decisions that follow from them, with the reasons, risks and how robust each recommendation is;
prices the roadmap, draws the stack and writes the decision records.

FILE is a stratum.answers file or an exported workshop (stratum.workshop: the app's JSON export, or
stratum export --format json); the format is told by its "format" field.

Commands:
  evaluate FILE|-          evaluate an answers or workshop file (- reads standard input)
  cost FILE|-              monthly cost of cloud, on-premises and hybrid for the file's use cases
  diagram FILE --out PATH  draw the stack as SVG, PNG, draw.io or Mermaid
  export FILE --to DIR     write MADR or adr-tools records, the workshop JSON, an HTML or PDF report,
                           or the backlog CSV into a folder
  pack validate FILE       check a rule pack and its monotonic expectations
  pack compare FILE        what a rule pack changes against the built-in one
  pack default             print the default rule pack (a starting point for your own)

Options:
  -h, --help               show help (also after a command: stratum evaluate --help)
  -v, --version            show the version

Exit status: 0 success, 2 a problem with the input (each named with file, field, found, allowed),
1 a bug in Stratum.`;

/** `stratum evaluate --help`. */
export const EVALUATE_HELP = `Usage: stratum evaluate FILE|- [--pack FILE] [--format json|text|markdown] [--samples N] [--seed N]

Evaluates a stratum.answers file or an exported stratum.workshop file and prints where each use case
lands (sourcing, serving and training placement, serving mode) and, per organisation decision, the
ranked options with per-criterion scores and the rules behind them, where each use case lands under
it, excluded options, risks with improvement actions, flip points of every criterion weight, Monte
Carlo robustness and unanswered questions that matter.

  FILE|-            the answers or workshop file; - reads it from standard input
  --pack FILE       a rule pack (stratum.pack) to use instead of the default pack
  --format F        json (default), text (a summary for a terminal) or markdown
  --samples N       random weightings for the robustness figure (default 10000 for an answers
                    file; for a workshop file the app's 2000, so the output equals the app's)
  --seed N          seed of those weightings (default 1); the same seed gives the same output

Answers file (version 2):
  { "format": "stratum.answers", "version": 2,
    "answers": { "opsExpertise": "high", "cloudFootprint": "one-provider" },
    "useCases": [ { "name": "Fraud scoring",
                    "answers": { "task": "tabular-prediction", "latencyP95Ms": 30,
                                 "dataSensitivity": "regulated" } } ],
    "weights": { "cost": 3, "control": 5 },
    "stakeholders": [ { "name": "A. Chen", "role": "CISO", "weights": { "control": 5 } } ] }
  "answers" holds the questions asked once for the organisation; each use case's "answers" the
  questions asked of each use case (an answer at the wrong level exits 2 saying where it belongs).
  A use case may carry an "id" (letters, digits, . - _) and a "description". Every answer is
  optional (missing or null = unknown); weights are on a 0..5 scale. The file's weights decide;
  the stakeholders' rankings and agreement are reported beside them. A version 1 file (one set of
  answers, no use cases) is still read: its answers about the workload become one use case.
  stratum pack default lists every question (those of "scope": "use-case" are asked of each use
  case); shared/packs/README.md describes them.

Workshop file (stratum.workshop, exported by the app or by stratum export --format json):
  evaluated exactly as the app does: the group's weights are the geometric mean of the weights of
  the decision-makers and consulted participants (the pack's defaults when nobody weighs), with the
  workshop's cost assumptions. What depends on an applicable decision follows the room's own choice
  where it made one (choosing cloud over a recommended on-premises makes the cloud strategy apply,
  and moves the use cases to the cloud), and a decision's risks are those of its chosen option; a
  use case's own room choices are followed too. The JSON report lists the room's choices for the
  organisation decisions under "decided" (decision id to option id; {} for an answers file), and
  each use case's outcomes say which were the room's. A note on standard error says when the file
  was evaluated with another rule pack than the one loaded.
  An optional "costAssumptions" object (see stratum cost --help) sets the prices; once a use case's
  volumes are answered, the relative cost of each place and each way of sourcing it (a model of its
  own counts the people it needs) sets their Cost scores.`;

/** `stratum pack --help`. */
export const PACK_HELP = `Usage: stratum pack validate FILE [--format text|json]
       stratum pack compare FILE [--against FILE] [--format text|json]
       stratum pack default

  validate FILE   checks a rule pack: its shape, every id it refers to, every value against its factor's
                  domain, and its declared monotonic expectations over seeded random workshops.
                  Exit 0 when valid, 2 with one line per problem otherwise.
  compare FILE    what a pack changes against the built-in one (or the pack --against names): decisions,
                  options, questions, default weights, rules added, removed or changed (with the
                  thresholds that moved), exclusions, risks and consistency checks. A pack whose
                  shape or references are wrong exits 2 with validate's lines.
  default         prints the default rule pack as JSON.`;

/** `stratum cost --help`. */
export const COST_HELP = `Usage: stratum cost FILE|- [--format json|text] [--pack FILE]

Prices the use cases of an answers or workshop file under each deployment option (cloud,
on-premises, hybrid), per month in the workshop's currency, each use case where that option runs it and sourced as the
evaluation settles it: the breakdown (training, inference, API fees, egress, overhead, operations),
each use case's share, the accelerators owned, the utilization above which owning beats renting,
cost at today's volume (the pilot) and at production volume, and the budget status.
Formulas and assumptions: shared/cost/README.md.

  FILE|-            the answers or workshop file; - reads it from standard input
  --format F        json (default) or text (a summary for a terminal)
  --pack FILE       a rule pack to check the answers against instead of the default pack

Reads each use case's task, requestsPerMonthNow, requestsPerMonthInProduction,
monthlyTrainingGpuHours and interruptionTolerance; the organisation's sustainedGpuUtilization,
spareAccelerators, existingOnPremCapacity and egressTbPerMonth; and the optional "costAssumptions"
object (of a workshop file: its state.costAssumptions, as the app's Cost step), e.g.
  "costAssumptions": { "cloudHourlyPrice": 6, "spotDiscount": 0.7, "monthlyBudget": 250000 }
Amounts are in US dollars unless "currency" says otherwise (USD, EUR, GBP, CHF or JPY): then the
default list prices are converted at "usdExchangeRate" (units of that currency per dollar; a default
per currency) and the amounts given are read in that currency, e.g.
  "costAssumptions": { "currency": "EUR", "usdExchangeRate": 0.9, "monthlyBudget": 200000 }
Every assumption is optional (a missing one takes its default); a value out of range exits 2
naming costAssumptions.<field> and what is allowed. With no use case, or no volume and no
training hours in any, there is nothing to price: exit 2 saying so.`;


/** How an answers file becomes a workshop for diagram and export (input-file.ts asWorkshop). */
const FROM_ANSWERS = `An answers file becomes a minimal workshop: its title (or the file name) and today's date; its
answers and use cases (null answers as "don't know"); its "weights" as one decision-maker,
"Room weights"; each stakeholder as a consulted participant whose unset criteria take the file's
weights. It is then evaluated as the app evaluates a workshop (the group's weights are the
geometric mean of everyone's), so when stakeholders disagree with the file's weights the diagram
and records may differ from \`stratum evaluate\` of the same file, which decides with the file's
weights alone.`;

/** `stratum diagram --help`. */
export const DIAGRAM_HELP = `Usage: stratum diagram FILE|- --out PATH [--format svg|png|drawio|mermaid] [--scale N]
                       [--background white|transparent] [--force] [--pack FILE]

Draws the workshop's AI-infrastructure stack (layers by placement, serving paths, data flows,
security controls) from its evaluation, room choices and diagram edits, as the app's Stack step does.

  FILE|-            an exported workshop (stratum.workshop) or an answers file; - reads standard input
  --out PATH        the file to write; an existing folder (the file is named <title>-stack.<ext>
                    there); or - for standard output
  --format F        svg (self-contained, librsvg-safe), png, drawio (diagrams.net, editable) or
                    mermaid (architecture-beta); taken from the --out extension when left out
                    (.svg, .png, .drawio, .mmd)
  --scale N         PNG only: 1 to 4 (default 2, as the app); 2 gives twice the SVG's pixel size
  --background B    PNG and SVG: white (default) or transparent
  --force           replace --out when it exists (otherwise an existing file is never overwritten:
                    exit 2, nothing written)
  --pack FILE       a rule pack to use instead of the default pack

PNG to standard output (--out -) is written only to a pipe or a redirect, never to a terminal.
Files are written through a temporary file and a rename, so a failure never leaves half a file.

${FROM_ANSWERS}

Examples:
  stratum diagram bank.stratum.json --format png --scale 3 --out stack.png
  stratum diagram answers.json --format mermaid --out - > stack.mmd`;

/** `stratum export --help`. */
export const EXPORT_HELP = `Usage: stratum export FILE|- --format madr|nygard|json|html|pdf|csv --to DIR [--force] [--pack FILE]

Writes what a workshop leaves behind into the folder DIR (created when missing), and lists each
file it created, updated, left unchanged or skipped.

  FILE|-            an exported workshop (stratum.workshop) or an answers file; - reads standard input
  --format F        madr    one MADR 4 record per decision, NNNN-title.md, plus index.md
                    nygard  one adr-tools record per decision (# N. Title, Date, Status, ...)
                    json    <title>-workshop.stratum.json: the whole workshop, re-importable in the
                            app and accepted by stratum evaluate with identical results
                    html    <title>-report.html: a self-contained, printable report
                    pdf     <title>-report.pdf: the same report through headless Chromium
                            (/usr/bin/chromium, Chrome, or CHROMIUM_PATH)
                    csv     <title>-backlog.csv: risks and improvement actions as backlog items
  --to DIR          the folder to write into, e.g. docs/decisions (MADR) or doc/adr (adr-tools)
  --force           json, html, pdf, csv: replace a file of that name that is not this workshop's
  --pack FILE       a rule pack to use instead of the default pack

Records (madr, nygard) continue the numbering of the records already in DIR; a later export of the
same workshop updates its own records in place (found by the workshop id and decision they carry)
and never touches any other file. index.md is rewritten only when Stratum wrote it.
A single file (json, html, pdf, csv) is never overwritten silently: an earlier export of the same
workshop is replaced (and the output says so); any other file of that name needs --force. Stratum
notes the single files it wrote in DIR/${'.stratum-exports.json'} (name, workshop id, sha256), which is how it
recognises its own CSV and PDF later. Every file is written through a temporary file and a rename.

${FROM_ANSWERS}
Records made from an answers file are known by its title: export again with the same title to
update them; change the title to start a new set. A workshop file keeps its own id and record
statuses (proposed, accepted, ...).

Examples:
  stratum export bank.stratum.json --format madr --to docs/decisions
  stratum export bank.stratum.json --format pdf --to reports`;
