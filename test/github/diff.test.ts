import { describe, expect, it } from 'vitest';
import { lineDiff } from '../../src/github/diff.js';

describe('lineDiff', () => {
  it('is empty for equal texts', () => {
    expect(lineDiff('a\nb\n', 'a\nb\n', 'old', 'new')).toBe('');
  });

  it('shows changes in hunks with three lines of context', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const after = [...before];
    after[2] = 'changed 3';
    after.splice(15, 1);
    expect(lineDiff(`${before.join('\n')}\n`, `${after.join('\n')}\n`, 'a.yml', 'b.yml')).toBe(
      [
        '--- a.yml',
        '+++ b.yml',
        '@@ -1,6 +1,6 @@',
        ' line 1',
        ' line 2',
        '-line 3',
        '+changed 3',
        ' line 4',
        ' line 5',
        ' line 6',
        '@@ -13,7 +13,6 @@',
        ' line 13',
        ' line 14',
        ' line 15',
        '-line 16',
        ' line 17',
        ' line 18',
        ' line 19',
        '',
      ].join('\n'),
    );
  });

  it('handles added lines at the end and very different texts', () => {
    expect(lineDiff('a\n', 'a\nb\n', 'x', 'y')).toBe('--- x\n+++ y\n@@ -1,1 +1,2 @@\n a\n+b\n');
    const big = lineDiff(`${'x\n'.repeat(3000)}`, `${'y\n'.repeat(3000)}`, 'x', 'y');
    expect(big.split('\n').filter((l) => l === '-x').length).toBe(3000);
    expect(big.split('\n').filter((l) => l === '+y').length).toBe(3000);
  });
});
