/**
 * Sweeps on Slurm: a single-node cluster from Debian's slurm-wlm and munge
 * runs a 4-task job array of sweep shards over the bundled model, a
 * dependent job merges them, and the merged file equals the unsharded sweep
 * cell for cell. Needs root (slurmd runs the jobs); npm test installs the
 * packages when it is root.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const why =
  process.getuid?.() !== 0
    ? 'not root: slurmd must run as root to start jobs'
    : !['/usr/sbin/slurmctld', '/usr/sbin/slurmd', '/usr/bin/sbatch', '/usr/sbin/munged'].every(existsSync)
      ? 'slurm-wlm and munge are not installed (apt-get install slurm-wlm munge)'
      : undefined;
if (why) console.warn(`skipping the Slurm test: ${why}`);

const MODEL = 'public/models/headlab-math-6x8';
const PROBLEMS = 'synthetic:2:7';

describe.skipIf(why)('a sweep as a Slurm job array', () => {
  const dir = mkdtempSync(join(tmpdir(), 'headlab-slurm-'));
  const env = { ...process.env, SLURM_CONF: join(dir, 'cluster', 'slurm.conf'), HEADLAB_MODEL: MODEL, HEADLAB_PROBLEMS: PROBLEMS, HEADLAB_OUT: join(dir, 'out'), HEADLAB_DIR: root };

  beforeAll(() => {
    execFileSync('bash', ['scripts/slurm/local-cluster.sh', 'start', join(dir, 'cluster')], { cwd: root, stdio: 'inherit' });
  }, 120_000);
  afterAll(() => {
    spawnSync('bash', ['scripts/slurm/local-cluster.sh', 'stop', join(dir, 'cluster')], { cwd: root });
  });

  it('4 shards and a dependent merge equal the unsharded sweep, cell for cell', () => {
    const sbatch = (...args: string[]) => execFileSync('sbatch', ['--parsable', `--chdir=${dir}`, ...args], { cwd: root, env, encoding: 'utf8' }).trim();
    const array = sbatch('--array=0-3', 'scripts/slurm/sweep-shard.sbatch');
    sbatch('--wait', '--kill-on-invalid-dep=yes', `--dependency=afterok:${array}`, 'scripts/slurm/sweep-merge.sbatch');
    const merged = JSON.parse(readFileSync(join(dir, 'out', 'sweep.json'), 'utf8'));

    const whole = join(dir, 'whole.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sweep', '--model', MODEL, '--problems', PROBLEMS, '--out', whole], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const unsharded = JSON.parse(readFileSync(whole, 'utf8'));
    expect(merged.cells).toHaveLength(49 * 2);
    expect(merged).toEqual(unsharded);
  }, 300_000);
});
