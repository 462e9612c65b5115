/**
 * Byte-bounded text: GitHub's limits (1 MiB per job summary) and ours (how much of a result is read) are in
 * bytes, while JavaScript strings count UTF-16 units. Cuts never split a character.
 */

export const KIB = 1024;

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * `bytes` without the character cut at its end, if one is (a read that stopped at a byte limit), decoded as
 * UTF-8; invalid sequences elsewhere become U+FFFD.
 */
export function decodeCut(bytes: Buffer): string {
  let lead = bytes.length - 1;
  // Back up over continuation bytes (10xxxxxx) to the last character's first byte.
  while (lead > 0 && lead > bytes.length - 4 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  const first = bytes[lead] ?? 0;
  const size = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return bytes.subarray(0, lead + size > bytes.length ? lead : bytes.length).toString('utf8');
}

/** At most `maxBytes` of `text` in UTF-8, cut at the last line break in the kept part when there is one. */
export function cutText(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text;
  const prefix = decodeCut(Buffer.from(text, 'utf8').subarray(0, maxBytes));
  const lastBreak = prefix.lastIndexOf('\n');
  // Cutting at a line keeps a line of a table or a list whole; a text of one huge line is cut where it must be.
  return lastBreak > 0 ? prefix.slice(0, lastBreak) : prefix;
}

/** `1.5 MiB`, `12 KiB`, `300 bytes`: two or three significant digits, enough to say how much was left out. */
export function humanBytes(bytes: number): string {
  if (bytes < KIB) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  const [value, unit] = bytes < KIB * KIB ? [bytes / KIB, 'KiB'] : [bytes / (KIB * KIB), 'MiB'];
  return `${value >= 10 ? Math.round(value) : Number(value.toFixed(1))} ${unit}`;
}
