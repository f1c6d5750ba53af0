/**
 * `sprint train --model M --sweep SWEEP.json --out SELECTOR.json [--train-fraction 0.8] [--seed S] [--epochs E] [--temperature T] [--k K] [--encoder mean-final-hidden|minilm]`
 *   (a share of the training questions is held back inside training to calibrate and choose β; see fitSelector.ts)
 * `sprint eval --model M --selector SELECTOR.json --problems P [--n 16] [--out REPORT.json] [--json]`
 * The same engine code as the browser: same data and seed, same numbers.
 */
import { checkOutPath, writeWhole } from '../writeWhole';
import { basename } from 'node:path';
import type { CliContext } from '../cliContext';
import { decodeArg, positiveInt, positiveNumber, required, UsageError } from '../args';
import { loadProblemsArg } from '../problemArgs';
import { validateSweepFile } from '../../engine/sweep/validateSweep';
import { readJsonFile } from '../readJsonFile';
import { trainSprint } from '../../engine/sprint/sprintSelector';
import { parseSelector } from '../../engine/sprint/selectorFile';
import { SELECTOR_ENCODERS, type SelectorEncoder } from '../../engine/sprint/selectorFormat';
import { DEFAULT_TRAIN } from '../../engine/sprint/trainSelector';
import { compareMethods, COMPARE_MAX_NEW_TOKENS, METHODS } from '../../engine/sprint/compareMethods';
import { fittingProblems } from '../fittingProblems';
import { familyBreakdown } from '../../engine/sprint/familyBreakdown';

function encoderArg(value: string | undefined): SelectorEncoder {
  if (value === undefined) return 'mean-final-hidden';
  if (!SELECTOR_ENCODERS.includes(value as SelectorEncoder)) throw new UsageError(`--encoder must be ${SELECTOR_ENCODERS.join(' or ')}, got "${value}"`);
  return value as SelectorEncoder;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const signed = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;

export async function sprintCommand({ values, positionals, out, progress, loadModel }: CliContext): Promise<void> {
  const [sub] = positionals;
  if (sub === 'train') {
    const sweepPath = required(values.sweep, 'sweep');
    checkOutPath(required(values.out, 'out'));
    const file = validateSweepFile(readJsonFile(sweepPath, 'sweep'), sweepPath);
    const fraction = values['train-fraction'] === undefined ? 0.8 : Number(values['train-fraction']);
    if (!(fraction > 0 && fraction <= 1)) throw new UsageError(`--train-fraction must be in (0, 1], got "${values['train-fraction']}"`);
    const count = Math.max(1, Math.floor(file.problems.length * fraction));
    const model = await loadModel(true);
    if (model.fingerprint !== file.model.fingerprint) throw new UsageError('The sweep was made with a different model file than --model.');
    const selector = await trainSprint(model, file, [...Array(count).keys()], {
      ...DEFAULT_TRAIN,
      seed: values.seed === undefined ? DEFAULT_TRAIN.seed : Number(values.seed),
      epochs: positiveInt(values.epochs, 'epochs', DEFAULT_TRAIN.epochs),
      encoder: encoderArg(values.encoder),
      temperature: positiveNumber(values.temperature, 'temperature', DEFAULT_TRAIN.temperature),
      k: positiveInt(values.k, 'k', DEFAULT_TRAIN.k),
      // Recorded in the file's trainedOn when the problem ids name no generator and seed.
      problems: `the problems of ${basename(sweepPath)}`,
      onEpoch: (e, loss) => progress(`\repoch ${e + 1}: loss ${loss.toFixed(4)}   `),
    });
    writeWhole(required(values.out, 'out'), JSON.stringify(selector));
    const setting = (v: { noneFirst: boolean; betaFirst: number; beta: number }) => `${v.noneFirst ? 'nothing' : `β ${v.betaFirst}`} first, β ${v.beta}`;
    const tried = selector.validation.map((v) => `${setting(v)}: ${v.passAtN.map(pct).join(' ')}`).join('; ');
    progress(`\ntrained on ${selector.trainIds.length} questions; ${file.problems.length - count} held out; problems: ${selector.trainedOn?.problems}; wrote ${values.out}\n`);
    progress(`validation pass@1/2/4/8 by setting (β: per-question weight against the fixed order): ${tried}; chose ${setting(selector)}\n`);
    return;
  }
  if (sub === 'eval') {
    if (values.out) checkOutPath(values.out);
    const selector = parseSelector(readJsonFile(required(values.selector, 'selector'), 'selector'), values.selector);
    const loaded = await loadProblemsArg(required(values.problems, 'problems'), progress);
    const model = await loadModel(true);
    const problems = fittingProblems(model, loaded, COMPARE_MAX_NEW_TOKENS, progress);
    const maxN = positiveInt(values.n, 'n', 16);
    const report = await compareMethods(model, selector, problems, {
      maxN,
      seed: values.seed === undefined ? 0 : Number(values.seed),
      decode: decodeArg(values.decode),
      onProblem: (done) => progress(`\r${done}/${problems.length} problems`),
    });
    progress('\n');
    const byFamily = familyBreakdown(report);
    // Only sets with families (mix) get the key, so other runs' JSON is unchanged.
    const summary = { ns: report.ns, problems: report.problems.length, methods: report.methods, paired: report.paired, ...(byFamily.length ? { byFamily } : {}) };
    if (values.out) writeWhole(values.out, JSON.stringify(report));
    if (values.json) {
      out(JSON.stringify(summary));
      return;
    }
    out(`method    N   pass@N (95% CI)          majority (95% CI)`);
    for (const m of report.methods) {
      for (const p of m.points) {
        const f = (e: typeof p.passAtN) => `${pct(e.mean)} (${pct(e.low)}-${pct(e.high)})`.padEnd(24);
        out(`${m.method.padEnd(9)} ${String(p.n).padStart(2)}  ${f(p.passAtN)} ${f(p.majority)}`);
      }
    }
    out('\nSPRINT minus each baseline, pass@N, paired bootstrap 95% interval over the same problems');
    for (const c of report.paired) {
      const diffs = c.points.map((p) => `N=${p.n} ${signed(p.diff.mean)} (${signed(p.diff.low)} to ${signed(p.diff.high)})`).join('  ');
      const m = c.mcnemarAt1;
      out(`${c.against.padEnd(9)} ${diffs}  McNemar at N=1: SPRINT alone right ${m.aOnly}, ${c.against} alone right ${m.bOnly}, p = ${m.p.toPrecision(2)}`);
    }
    if (byFamily.length) {
      out(`\npass@1 per family    n  ${METHODS.map((m) => m.padStart(8)).join(' ')}`);
      for (const f of byFamily) out(`${f.family.padEnd(18)} ${String(f.n).padStart(3)}  ${METHODS.map((m) => pct(f.passAt1[m]).padStart(8)).join(' ')}`);
    }
    return;
  }
  throw new UsageError(sub ? `unknown sprint command "${sub}" (train or eval)` : 'sprint needs train or eval');
}
