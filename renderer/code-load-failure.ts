/** What a person reads when part of the app's own code did not load (a damaged install): what to do, and that nothing is lost. */
export function codeDidNotLoad(error: unknown): string {
  return `Stratum could not load part of its code (${error instanceof Error ? error.message : String(error)}). Reload the window; your workshops are saved.`;
}
