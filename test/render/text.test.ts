import { describe, expect, it } from 'vitest';
import { clip } from '../../src/agents/outcome.js';
import { cleanText, oneLine } from '../../src/render/text.js';

describe('cleanText', () => {
  it('removes whole escape sequences, not only their ESC (no `[31m` left behind)', () => {
    const red = '\u001b[31mError:\u001b[0m API key not valid \u001b[1;33mhere\u001b[m';
    expect(cleanText(red)).toBe('Error: API key not valid here');
    expect(cleanText('\u009b2Kcleared')).toBe('cleared');
    expect(cleanText('\u001b]0;title\u0007text \u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\')).toBe(
      'text link',
    );
    expect(cleanText('a\u001bMb\u001b7c')).toBe('abc');
  });

  it('keeps text that only looks like a sequence', () => {
    expect(cleanText('[31m is an array index')).toBe('[31m is an array index');
  });

  it('clips an agent error to one clean line, as status.json holds it', () => {
    expect(clip('\u001b[31m✕ [API Error: 400]\u001b[39m\nsecond line')).toBe(
      '✕ [API Error: 400] second line',
    );
    expect(oneLine('\u001b[2K\r\u001b[1Gdone')).toBe('done');
  });
});
