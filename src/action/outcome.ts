/** What a mode ends with: the step fails with `failure` when it is not null (main.ts calls core.setFailed). */
export interface ModeOutcome {
  failure: string | null;
}
