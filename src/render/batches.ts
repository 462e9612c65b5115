/** The seed's names for the level-by-level batches, shared by the master plan and the simulated display. */

/** `Batch #1 (No Dependencies)`, `Batch #2 (After Batch #1)`; `level` is 0-based. */
export function batchTitle(level: number): string {
  return level === 0 ? 'Batch #1 (No Dependencies)' : `Batch #${level + 1} (After Batch #${level})`;
}
