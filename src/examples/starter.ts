// The starter plan `orchestrator init` writes, bundled from the file itself so the two cannot differ.
import starter from '../../examples/repo-health.yml?raw';

export const STARTER_PLAN: string = starter;
