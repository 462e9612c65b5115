/**
 * The GitHub Action (action.yml): reads the inputs (inputs.ts), runs one mode, and fails the step in one place.
 * Each mode is a module of its own and calls what the CLI's command of the same name calls.
 */
import * as core from '@actions/core';
import { UserError } from '../errors.js';
import { aggregateMode } from './aggregate.js';
import { decomposeMode } from './decompose.js';
import { readInputs, type ActionSettings } from './inputs.js';
import type { ModeOutcome } from './outcome.js';
import { planMode } from './plan.js';
import { taskMode } from './task.js';

export async function run(): Promise<void> {
  let failure: string | null;
  try {
    failure = (await runMode(readInputs())).failure;
  } catch (error) {
    if (error instanceof UserError) failure = error.message;
    else {
      // A bug rather than a user's mistake: the stack goes to the debug log, the message to the step.
      core.debug(error instanceof Error ? (error.stack ?? error.message) : String(error));
      failure = `internal error (please report it): ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  if (failure !== null) core.setFailed(failure);
}

function runMode(settings: ActionSettings): Promise<ModeOutcome> {
  switch (settings.mode) {
    case 'plan':
      return planMode(settings);
    case 'task':
      return taskMode(settings);
    case 'aggregate':
      return aggregateMode(settings);
    case 'decompose':
      return decomposeMode(settings);
    default: {
      const never: never = settings.mode;
      throw new Error(`unknown mode ${String(never)}`);
    }
  }
}
