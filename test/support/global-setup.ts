/** Runs once per `vitest run`, before any test file: what every test may take as given. */
import { installRealClis } from './real-clis.js';

export default function setup(): void {
  installRealClis();
}
