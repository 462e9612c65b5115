/** Errors that end a command, and its exit codes, as documented in the README: 0 ok, 1 the work failed, 2 bad input or usage. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

/** A user's mistake (usage, a missing file, an invalid plan): a message and exit 2, never a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
