/**
 * The downloaded artifacts' refused paths (runner/downloads.ts) as error annotations, for the task and aggregate
 * modes: they show on the run's page, where a reviewer looks, and name the artifact that held them.
 */
import * as core from '@actions/core';
import { describeTampering, type Tampering } from '../runner/downloads.js';

export function annotateTampering(tampering: readonly Tampering[]): void {
  for (const t of tampering) core.error(describeTampering(t), { title: 'Artifact refused' });
}
