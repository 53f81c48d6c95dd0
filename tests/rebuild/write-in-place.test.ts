import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileInPlace } from '../../src/lib/write-in-place.ts';

const folder = mkdtempSync(join(tmpdir(), 'write-in-place-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('writeFileInPlace', () => {
  it('creates a file that does not exist', () => {
    const file = join(folder, 'new.html');
    writeFileInPlace(file, '<p>new</p>');
    expect(readFileSync(file, 'utf8')).toBe('<p>new</p>');
  });

  it('leaves exactly the new bytes when they are shorter than the old ones', () => {
    const file = join(folder, 'shorter.html');
    writeFileSync(file, 'x'.repeat(100_000));
    writeFileInPlace(file, 'short');
    expect(readFileSync(file, 'utf8')).toBe('short');
    expect(statSync(file).size).toBe(5);
  });

  it('leaves exactly the new bytes when they are longer than the old ones', () => {
    const file = join(folder, 'longer.html');
    writeFileSync(file, 'old');
    const long = Buffer.from(Array.from({ length: 300_000 }, (_, at) => at % 251));
    writeFileInPlace(file, long);
    expect(readFileSync(file).equals(long)).toBe(true);
  });

  it('keeps the file (its inode, so a link to it sees the new bytes), unlike a write aside and a rename', () => {
    const file = join(folder, 'same.html');
    writeFileSync(file, 'before');
    const inode = statSync(file).ino;
    writeFileInPlace(file, 'after, and longer than before');
    expect(statSync(file).ino).toBe(inode);
    expect(readFileSync(file, 'utf8')).toBe('after, and longer than before');
  });

  it('writes non-ASCII text as UTF-8', () => {
    const file = join(folder, 'utf8.html');
    writeFileSync(file, 'a much longer text than the new one');
    writeFileInPlace(file, 'Sätteri — ∑');
    expect(readFileSync(file, 'utf8')).toBe('Sätteri — ∑');
  });

  it('fails on a folder instead of writing somewhere else', () => {
    expect(() => writeFileInPlace(folder, 'x')).toThrow();
  });
});
