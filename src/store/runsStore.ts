/**
 * The runs slice: a problem set, and the same problems answered with nothing
 * pruned (baseline) and with the grid's current pruning, side by side.
 */
import { create } from 'zustand';
import { engineClient } from '../worker/client';
import type { FinalEvent } from '../worker/protocol';
import type { EvalReport } from '../engine/runs/evaluateProblems';
import type { LineError, Problem } from '../engine/problems/problem';
import { MAX_IMPORTED_PROBLEMS, type ImportedProblems } from '../engine/problems/importProblems';
import { fetchHubDataset, HUB_DATASETS, type HubDatasetName } from '../engine/problems/hubDatasets';
import { GENERATORS, levelFor, type GeneratedSetSpec, type GeneratorName } from '../engine/problems/generators';
import { HELD_OUT_SEED } from '../engine/problems/splits';
import { activeTruncation } from './activeTruncation';
import { runnableProblems } from './contextFit';
import { currentPrunedHeads, type HeadRef } from './headsStore';

/** A generated problem set: the synthetic generator unless `generator` names another. */
export interface ProblemSetSpec extends GeneratedSetSpec {
  /** Absent for synthetic, so specs (and links) from before the mix generator read the same. */
  generator?: Exclude<GeneratorName, 'synthetic'>;
}

type Status = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

interface RunsState {
  spec: ProblemSetSpec;
  problems: Problem[];
  /** Where the problems came from, in words. */
  sourceLabel: string;
  /** True while the problems are the generated set of `spec` (synthetic or mix). */
  generated: boolean;
  /** Lines of an imported file that did not load. */
  importErrors: LineError[];
  status: Status;
  error?: string;
  /** Problems answered so far, across both runs. */
  done: number;
  total: number;
  baseline?: EvalReport;
  pruned?: EvalReport;
  prunedHeads: HeadRef[];
  /** The problem set and model the shown results came from, in words. */
  ranOn?: { problems: string; model: string };
  /** The problems the shown results are for: the set less any too long for the model's context. */
  ranProblems?: Problem[];
  /** Which problems the last run skipped as too long, and why. */
  skipped?: string;
  /** Answers per second of the last finished comparison in this tab, for the next one's estimate. */
  answersPerSecond?: number;
  requestId?: number;
  /** Set by Cancel, so a press between the two passes stops the second before it starts. */
  cancelPressed?: boolean;
  setSpec(spec: ProblemSetSpec): void;
  /** Parses the file in the worker, off the page's thread. */
  importJsonl(file: File): Promise<void>;
  /** Bad lines of the last import beyond those listed in importErrors. */
  moreImportErrors: number;
  usePasted(question: string, reference: string): void;
  loadHubDataset(name: HubDatasetName, count: number): Promise<void>;
  /** A data set being fetched from the Hub. */
  fetching?: string;
  /** @param model the loaded model's name, recorded with the results */
  run(model?: string): Promise<void>;
  cancel(): void;
}

const DEFAULT_SPEC: ProblemSetSpec = { seed: HELD_OUT_SEED, count: 10 };
const cleared = { baseline: undefined, pruned: undefined, ranOn: undefined, ranProblems: undefined, skipped: undefined, status: 'idle' as const };

function generatedLabel(spec: ProblemSetSpec): string {
  return `${spec.count} ${GENERATORS[spec.generator ?? 'synthetic'].noun} (seed ${spec.seed}, ${spec.level ? `level ${spec.level}` : 'mixed levels'})`;
}

/** The spec with a level its generator has (a synthetic level 4 is dropped on a switch to mix), and its problems. */
function generatedSet(spec: ProblemSetSpec): { spec: ProblemSetSpec; problems: Problem[] } {
  const generator = spec.generator ?? 'synthetic';
  const clean = { ...spec, level: levelFor(generator, spec.level) };
  return { spec: clean, problems: GENERATORS[generator].problems(clean) };
}

/** @param drafts the unpruned run's answers, which the pruned run verifies instead of decoding */
/** An imported file's set in words: every line that loaded runs, whatever the Problems field says. */
function importedLabel(count: number, fileName: string, overCap: number): string {
  if (overCap) return `the first ${count} of ${count + overCap} problems in ${fileName}: a set holds at most ${MAX_IMPORTED_PROBLEMS}`;
  return `all ${count} problems loaded from ${fileName} (the Problems field sets the size of generated and Hub sets, not of a file)`;
}

/** New tokens each answer of a comparison may take. */
const COMPARE_TOKENS = 64;

function evaluate(problems: Problem[], prune: HeadRef[], onDone: (n: number) => void, onId: (id: number) => void, drafts?: number[][]): Promise<EvalReport> {
  const { id, done } = engineClient().request<Extract<FinalEvent, { type: 'evaluated' }>>(
    { type: 'evaluate', problems, prune, maxNewTokens: COMPARE_TOKENS, batch: 8, drafts },
    (e) => {
      if (e.type === 'evalProgress') onDone(e.done);
    },
  );
  onId(id);
  return done.then((e) => e.report);
}

export const useRunsStore = create<RunsState>((set, get) => ({
  ...generatedSet(DEFAULT_SPEC),
  sourceLabel: generatedLabel(DEFAULT_SPEC),
  generated: true,
  importErrors: [],
  moreImportErrors: 0,
  status: 'idle',
  done: 0,
  total: 0,
  prunedHeads: [],
  setSpec(wanted) {
    const { spec, problems } = generatedSet(wanted);
    set({ spec, problems, sourceLabel: generatedLabel(spec), generated: true, importErrors: [], moreImportErrors: 0, ...cleared });
  },
  async importJsonl(file) {
    let result: ImportedProblems;
    try {
      result = (await engineClient().request<Extract<FinalEvent, { type: 'problemsImported' }>>({ type: 'importProblems', file }).done).result;
    } catch (err) {
      set({ importErrors: [{ line: 0, message: (err as Error).message }], moreImportErrors: 0 });
      return;
    }
    const { problems, errors, moreErrors, overCap } = result;
    if (problems.length === 0) {
      set({ importErrors: errors.length ? errors : [{ line: 0, message: `${file.name} holds no problems` }], moreImportErrors: moreErrors });
      return;
    }
    set({ problems, sourceLabel: importedLabel(problems.length, file.name, overCap), generated: false, importErrors: errors, moreImportErrors: moreErrors, ...cleared });
  },
  async loadHubDataset(name, count) {
    const { label } = HUB_DATASETS[name];
    set({ fetching: label, importErrors: [], moreImportErrors: 0 });
    try {
      const { problems, errors } = await fetchHubDataset(name, { count });
      if (problems.length === 0) throw new Error(`${label} gave no problems`);
      set({ problems, sourceLabel: `the first ${problems.length} problems of ${label} (Hugging Face Hub)`, generated: false, importErrors: errors, ...cleared });
    } catch (err) {
      set({ importErrors: [{ line: 0, message: (err as Error).message }] });
    } finally {
      set({ fetching: undefined });
    }
  },
  usePasted(question, reference) {
    const problem: Problem = { id: 'pasted-1', question: question.trim(), reference: reference.trim(), source: 'pasted' };
    set({ problems: [problem], sourceLabel: 'the pasted question', generated: false, importErrors: [], moreImportErrors: 0, ...cleared });
  },
  async run(model = 'the loaded model') {
    const { problems: all, sourceLabel } = get();
    const prune = currentPrunedHeads();
    // Both arms run on the worker's model, truncated when a truncation is applied: the results say so, as does the PNG title.
    const truncated = activeTruncation.get();
    if (truncated.length) model = `${model} with ${truncated.join(', ')} truncated`;
    set({ status: 'running', error: undefined, done: 0, total: 2 * all.length, baseline: undefined, pruned: undefined, prunedHeads: prune, ranOn: { problems: sourceLabel, model }, ranProblems: undefined, skipped: undefined, cancelPressed: false });
    const onId = (requestId: number) => {
      set({ requestId });
      // Cancel pressed while the baseline's last answer came back: its request had ended, so cancel this one.
      if (get().cancelPressed) engineClient().cancel(requestId);
    };
    // Results land only against the problems they were run on (the set is locked while it runs; this makes sure).
    const current = () => get().problems === all;
    try {
      const { problems, skipped } = await runnableProblems(all, COMPARE_TOKENS);
      if (!current()) return set({ ...cleared });
      set({ ranProblems: problems, skipped, total: 2 * problems.length });
      if (get().cancelPressed) return set({ status: 'cancelled' });
      const started = performance.now();
      const baseline = await evaluate(problems, [], (n) => set({ done: n }), onId);
      if (!current()) return set({ ...cleared });
      set({ baseline });
      const pruned = await evaluate(problems, prune, (n) => set({ done: problems.length + n }), onId, baseline.results.map((r) => r.ids));
      if (!current()) return set({ ...cleared });
      set({ pruned, status: 'done', answersPerSecond: (2 * problems.length) / ((performance.now() - started) / 1000) });
    } catch (err) {
      const e = err as Error;
      set(e.name === 'AbortError' ? { status: 'cancelled' } : { status: 'error', error: e.message });
    }
  },
  cancel() {
    const id = get().requestId;
    if (get().status !== 'running') return;
    set({ cancelPressed: true });
    if (id !== undefined) engineClient().cancel(id);
  },
}));
