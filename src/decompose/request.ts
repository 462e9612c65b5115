/**
 * The request as a plan holds it (`request: |`): line endings normalized, trailing blank space dropped, one final
 * line break, and nothing else changed. Both decomposers quote the user's request this way.
 */
export function requestBlock(request: string): string {
  return `${request.replace(/\r\n?/g, '\n').trimEnd()}\n`;
}
