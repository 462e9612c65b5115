/**
 * Terminal output: colour only on a terminal and never with NO_COLOR; plan text is stripped of control
 * characters before it reaches a terminal, so a hostile title cannot move the cursor or retitle the window.
 */
import type { Writable } from 'node:stream';
import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.js';
import { cleanText } from '../render/text.js';

export interface Output {
  out: Writable & { isTTY?: boolean };
  err: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
}

const plain: Style = { bold: (t) => t, dim: (t) => t, red: (t) => t, yellow: (t) => t, green: (t) => t };
const sgr = (open: number, close: number) => (t: string) => `\u001b[${open}m${t}\u001b[${close}m`;
const ansi: Style = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  green: sgr(32, 39),
};

export function style(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Style {
  return useColor(stream, env) ? ansi : plain;
}

/** Plan text made safe for a terminal: no control characters (escape sequences, bidi overrides). */
export function sanitize(text: string): string {
  return cleanText(text);
}

export function formatDiagnosticStyled(d: Diagnostic, s: Style): string {
  const text = sanitize(formatDiagnostic(d));
  const location = `${d.file}:${d.line}:${d.column}:`;
  if (!text.startsWith(location)) return text;
  const rest = text.slice(location.length);
  const rule = ` [${d.rule}]`;
  const body = rest.endsWith(rule) ? rest.slice(0, -rule.length) : rest;
  const colored =
    d.severity === 'warning' ? body.replace(' warning:', ` ${s.yellow('warning:')}`) : s.red(body);
  return `${s.bold(location)}${colored}${rest.endsWith(rule) ? s.dim(rule) : ''}`;
}
