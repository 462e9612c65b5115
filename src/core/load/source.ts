/**
 * Bytes to text, and offsets to line and column: what every loader needs to point at a place in a file.
 */

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units, as editors count them. */
  column: number;
}

/** Maps character offsets of a text to positions; the line table is built on first use. */
export class LineIndex {
  private starts: Int32Array | null = null;

  constructor(private readonly text: string) {}

  position(offset: number): Position {
    const starts = (this.starts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    const at = Math.max(0, Math.min(offset, this.text.length));
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo]! + 1 };
  }
}

function lineStarts(text: string): Int32Array {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return Int32Array.from(starts);
}

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string; position: Position };

/**
 * Decodes UTF-8 strictly (a plan with stray Latin-1 bytes is refused, not silently mangled) and drops a BOM.
 * On failure, says where the first bad byte is.
 */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = new TextDecoder().decode(bytes.subarray(lineStart, bad)).length + 1;
    const hex = (bytes[bad] ?? 0).toString(16).padStart(2, '0');
    const utf16 =
      bytes.length >= 2 &&
      ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    return {
      ok: false,
      message: utf16
        ? 'the file is UTF-16; save it as UTF-8'
        : `the file is not valid UTF-8 (byte 0x${hex} at offset ${bad}); save it as UTF-8`,
      position: { line, column },
    };
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
