/// <reference lib="webworker" />
/**
 * The engine worker: the only place in the app that touches onnxruntime.
 * It dispatches protocol requests; the work lives in fetchModel.ts and the
 * engine.
 */
import type { LoadedModel } from '../engine/model/loadModel';
import { solveQuestions } from '../engine/model/solve';
import { loadInWorker } from './fetchModel';
import { checkpoint } from '../engine/model/checkpoint';
import { maskFor, type SweepCell } from '../engine/sweep/sweepSchema';
import { evaluateProblems } from '../engine/runs/evaluateProblems';
import { runSweep } from '../engine/sweep/runSweep';
import { everyHead } from '../engine/sweep/everyHead';
import { gradeAnswer } from '../engine/grading/gradeAnswer';
import { rankHeads, trainSprint } from '../engine/sprint/sprintSelector';
import { runPicks } from '../engine/sprint/runPicks';
import { compareMethods } from '../engine/sprint/compareMethods';
import { attentionView } from '../engine/attention/attentionView';
import { headRoles } from '../engine/attention/headRoles';
import { patternsModel, type LoadedFrom } from './patternsModel';
import { checkInWorker } from './checkInWorker';
import { checkTruncationInWorker, truncatedModel } from './truncateInWorker';
import { runTruncatedSweep } from '../engine/truncate/truncationSweep';
import { parseTruncations } from '../engine/truncate/truncationSpec';
import { tooLongFor } from '../engine/model/contextFit';
import { checkImportSize, importProblems } from '../engine/problems/importProblems';
import type { LoadProgress, WorkerEvent, WorkerRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let model: LoadedModel | undefined;
/** The model as loaded; `model` is a truncated copy of it while a truncation is applied. */
let baseModel: LoadedModel | undefined;
/** Where the model came from: the attention-patterns session opens the same files. */
let loadedFrom: LoadedFrom | undefined;
const running = new Map<number, AbortController>();
let queue: Promise<unknown> = Promise.resolve();

const post = (event: WorkerEvent) => self.postMessage(event);

async function handle(req: Exclude<WorkerRequest, { type: 'cancel' }>, signal: AbortSignal): Promise<void> {
  if (req.type === 'load') {
    // The loaded model keeps serving requests until the new one is ready, and stays if it fails.
    const loaded = await loadInWorker(req.source, req.backend, req.threads, (progress) => post({ type: 'progress', id: req.id, progress }));
    if (model && model !== baseModel) await model.decoder.session.release();
    model = baseModel = loaded.model;
    loadedFrom = { source: req.source, backend: loaded.info.backend, fingerprint: loaded.info.fingerprint };
    post({ type: 'loaded', id: req.id, info: loaded.info });
    return;
  }
  if (req.type === 'importProblems') {
    checkImportSize(req.file.name, req.file.size);
    post({ type: 'problemsImported', id: req.id, result: importProblems(await req.file.text()) });
    return;
  }
  if (!model) throw new Error('No model is loaded yet: wait until the model panel shows one.');
  const m = model;
  const mask = (prune: [number, number][]) => maskFor(prune, m.spec.numLayers, m.spec.numHeads);
  // A MiniLM selector downloads its encoder on first use: its progress goes out like a model load's.
  const encoderSettings = { onProgress: (progress: LoadProgress) => post({ type: 'progress', id: req.id, progress }) };
  switch (req.type) {
    case 'solve': {
      const start = performance.now();
      const [solution] = await solveQuestions(m, [req.question], {
        maxNewTokens: req.maxNewTokens,
        headMask: mask(req.prune),
        signal,
        onText: ([text], [tokens]) => {
          const seconds = (performance.now() - start) / 1000;
          const tokenCount = tokens.length;
          post({ type: 'token', id: req.id, text, tokenCount, tokensPerSecond: tokenCount / seconds });
        },
      });
      post({ type: 'solved', id: req.id, result: { ...solution, seconds: (performance.now() - start) / 1000 } });
      return;
    }
    case 'evaluate': {
      const report = await evaluateProblems(m, req.problems, {
        maxNewTokens: req.maxNewTokens,
        batch: req.batch,
        headMask: mask(req.prune),
        drafts: req.drafts,
        signal,
        onProgress: (done, total, latest) => post({ type: 'evalProgress', id: req.id, done, total, latest }),
      });
      post({ type: 'evaluated', id: req.id, report });
      return;
    }
    case 'sweep': {
      if (req.file.model.fingerprint !== m.fingerprint) throw new Error('This sweep was made with a different model file.');
      const run = {
        batchRows: req.batchRows,
        decode: req.decode,
        grade: gradeAnswer,
        signal,
        onCells: (cells: SweepCell[], done: number, total: number) => post({ type: 'sweepCells', id: req.id, cells, done, total }),
      };
      // A truncation sweep opens one session per truncation, from the files as loaded.
      const file = req.file.truncations
        ? await runTruncatedSweep(req.file, { ...run, load: async (list) => (await truncatedModel(loadedFrom!, m.dtype, list, m.onnxBytes, signal)).model })
        : await runSweep(m, req.file, run);
      post({ type: 'swept', id: req.id, file });
      return;
    }
    case 'everyHead': {
      // 16 rows per verification pass, as the app's sweeps run.
      const report = await everyHead(m, req.question, req.reference, { maxNewTokens: req.maxNewTokens, batchRows: 16, signal });
      post({ type: 'everyHeadDone', id: req.id, report });
      return;
    }
    case 'sprintTrain': {
      const start = performance.now();
      let embedded = start;
      const selector = await trainSprint(m, req.file, req.trainIndices, {
        ...req.options,
        encoder: req.encoder,
        encoderSettings,
        signal,
        onEmbedded: () => (embedded = performance.now()),
        onEpoch: (epoch, loss) => post({ type: 'sprintEpoch', id: req.id, epoch, loss }),
      });
      const seconds = { embed: (embedded - start) / 1000, train: (performance.now() - embedded) / 1000 };
      post({ type: 'sprintTrained', id: req.id, selector, seconds });
      return;
    }
    case 'sprintRank': {
      post({ type: 'sprintRanked', id: req.id, ranked: await rankHeads(m, req.selector, req.question, encoderSettings) });
      return;
    }
    case 'runPicks': {
      post({ type: 'picksRun', id: req.id, result: await runPicks(m, req.question, req.heads, req.reference) });
      return;
    }
    case 'sprintCompare': {
      const total = req.problems.length;
      const report = await compareMethods(m, req.selector, req.problems, {
        maxN: req.maxN,
        ns: Array.from({ length: req.maxN }, (_, i) => i + 1),
        maxNewTokens: req.maxNewTokens,
        seed: req.seed,
        encoderSettings,
        signal,
        onProblem: (done) => post({ type: 'compareProgress', id: req.id, done, total }),
      });
      post({ type: 'compared', id: req.id, report });
      return;
    }
    case 'attention': {
      const patterns = await patternsModel(loadedFrom!, m.dtype, m.onnxBytes);
      await checkpoint(signal);
      post({ type: 'attended', id: req.id, view: await attentionView(patterns, req.question, req.answer, req.layer, req.prune, signal) });
      return;
    }
    case 'headRoles': {
      const patterns = await patternsModel(loadedFrom!, m.dtype, m.onnxBytes);
      const onProgress = (done: number, total: number) => post({ type: 'rolesProgress', id: req.id, done, total });
      post({ type: 'rolesScored', id: req.id, report: await headRoles(patterns, req.problems, { signal, onProgress }) });
      return;
    }
    case 'checkHeads': {
      post({ type: 'headsChecked', id: req.id, report: await checkInWorker(m, loadedFrom!) });
      return;
    }
    case 'truncate': {
      const previous = m;
      const next = req.truncations.length
        ? await truncatedModel(loadedFrom!, baseModel!.dtype, parseTruncations(req.truncations.join(',')), baseModel!.onnxBytes, signal)
        : { model: baseModel!, reports: [] };
      model = next.model;
      if (previous !== baseModel && previous !== model) await previous.decoder.session.release();
      post({ type: 'truncated', id: req.id, reports: next.reports });
      return;
    }
    case 'fitCheck': {
      post({ type: 'fitChecked', id: req.id, tooLong: tooLongFor(m.tokenizer, m.spec, req.problems, req.maxNewTokens), contextLimit: m.spec.maxPositions });
      return;
    }
    case 'checkTruncation': {
      post({ type: 'truncationChecked', id: req.id, results: await checkTruncationInWorker(baseModel!, loadedFrom!, parseTruncations(req.truncations.join(',')), signal) });
    }
  }
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  if (req.type === 'cancel') {
    running.get(req.target)?.abort(new DOMException('Cancelled', 'AbortError'));
    return;
  }
  const controller = new AbortController();
  running.set(req.id, controller);
  // One job at a time: onnxruntime-web's WebGPU sessions refuse overlapping runs, and a
  // job that waits keeps its place. A job cancelled while waiting ends when its turn comes.
  const job = queue.then(() => {
    controller.signal.throwIfAborted();
    return handle(req, controller.signal);
  });
  queue = job.catch(() => undefined);
  job
    .catch((err: unknown) => {
      const error = err instanceof Error ? { name: err.name, message: err.message } : { name: 'Error', message: String(err) };
      post({ type: 'error', id: req.id, error });
    })
    .finally(() => running.delete(req.id));
};
