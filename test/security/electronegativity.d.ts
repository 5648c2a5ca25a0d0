// Electronegativity ships no types; this is the part of its programmatic API (dist/runner.js) we use.
declare module '@doyensec/electronegativity' {
  interface RunOptions {
    input: string;
    output: string | null;
    isSarif: boolean;
    customScan: string[];
    excludeFromScan: string[];
    isRelative: boolean;
    electronVersionOverride?: string;
    electronUpgrade?: string;
    severitySet?: string;
    confidenceSet?: string;
  }
  interface Level {
    name: string;
    value: number;
  }
  export interface ElectronegativityIssue {
    id: string;
    file: string;
    location: { line: number; column: number };
    severity: Level;
    confidence: Level;
    manualReview: boolean;
    description: string;
    shortenedURL: string;
    sample?: string;
  }
  interface RunResult {
    globalChecks: number;
    atomicChecks: number;
    errors: { file: string; message: string; tolerable: boolean }[];
    issues: ElectronegativityIssue[];
  }
  export default function run(options: RunOptions): Promise<RunResult>;
}
