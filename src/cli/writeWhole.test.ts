/**
 * A kill -9 in the middle of a CLI write leaves the previous file or the
 * new one, never part of either (issue 21): a child process rewrites a
 * large file with writeWhole over and over and is killed mid-way.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('writeWhole under kill -9', () => {
  it('leaves a whole file, old or new, every time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headlab-write-'));
    const target = join(dir, 'out.json');
    const old = JSON.stringify({ version: 'old', pad: 'x'.repeat(1000) });
    const script = `import { writeWhole } from ${JSON.stringify(join(root, 'src/cli/writeWhole.ts'))};
      for (let i = 0; ; i++) writeWhole(${JSON.stringify(target)}, JSON.stringify({ version: i, pad: 'y'.repeat(40_000_000) }));`;
    for (let round = 0; round < 3; round++) {
      writeFileSync(target, old);
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, stdio: 'ignore' });
      // Killed while a write is under way: the target, or its temporary file, part written.
      const size = (p: string) => (existsSync(p) ? statSync(p).size : 0);
      const writing = () => [target, `${target}.tmp`].some((p) => size(p) > old.length && size(p) < 40_000_000);
      const deadline = Date.now() + 20_000;
      while (!writing() && Date.now() < deadline) await new Promise((r) => setImmediate(r));
      expect(writing(), 'caught a write in progress').toBe(true);
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      const parsed = JSON.parse(readFileSync(target, 'utf8')) as { version: string | number; pad: string };
      expect(parsed.version === 'old' ? parsed.pad.length : parsed.pad.length).toBe(parsed.version === 'old' ? 1000 : 40_000_000);
    }
  }, 60_000);
});
