import type { RunEvent } from '../run.js';

/** Shows a run as it goes. One reporter per run, chosen by where the output goes (see choose.ts). */
export interface Reporter {
  onEvent(event: RunEvent): void;
  /** The run ended (or was interrupted): leave the terminal clean. */
  close(): void;
}
