/**
 * The one message protocol between the UI and the engine worker. Both
 * directions are unions discriminated on `type`; every request carries an
 * `id` that its events echo, and any request can be cancelled by id.
 */
import type { DecoderSpec } from '../engine/model/modelConfig';
import type { Problem } from '../engine/problems/problem';
import type { EvalReport, EvalResult } from '../engine/runs/evaluateProblems';
import type { SweepCell, SweepFile, SweepProblem } from '../engine/sweep/sweepSchema';
import type { HeadRanking, SelectorEncoder, SprintSelector } from '../engine/sprint/selectorFormat';
import type { TrainOptions } from '../engine/sprint/trainSelector';
import type { PicksResult } from '../engine/sprint/runPicks';
import type { ComparisonReport } from '../engine/sprint/compareMethods';
import type { AttentionView } from '../engine/attention/attentionView';
import type { HeadRolesReport } from '../engine/attention/headRoles';
import type { CheckReport, CheckResult } from '../engine/check/headMaskCheck';
import type { TruncationReport } from '../engine/truncate/truncateWeights';
import type { EveryHeadReport } from '../engine/sweep/everyHead';
import type { DecodeMode } from '../engine/verify/greedyDecoding';
import type { TooLong } from '../engine/model/contextFit';
import type { ImportedProblems } from '../engine/problems/importProblems';

export type BackendChoice = 'auto' | 'webgpu' | 'wasm';
/** WASM threads: Auto decides by the model's size (worker/wasmThreads). */
export type ThreadsChoice = 'auto' | number;
export type Backend = 'webgpu' | 'wasm';

export type { ModelSource } from '../engine/model/modelSource';
import type { ModelSource } from '../engine/model/modelSource';

/** transformers.js' progress events, passed through unchanged. */
export interface LoadProgress {
  status: 'initiate' | 'download' | 'progress' | 'done' | 'ready' | string;
  file?: string;
  progress?: number;
  loaded?: number;
  total?: number;
}

export interface ModelInfo {
  name: string;
  /** SHA-256 of the ONNX file: sweeps and selectors are tied to it. */
  fingerprint: string;
  backend: Backend;
  /** Why this backend: the adapter found, or why WebGPU was not used. */
  backendReason: string;
  /** onnxruntime-web's WASM threads in this worker, and why that many. */
  threads: number;
  threadsReason: string;
  spec: DecoderSpec;
  dtype: string;
  onnxBytes: number;
}

export interface SolveResult {
  text: string;
  tokens: number[];
  seconds: number;
}

export type WorkerRequest =
  | { type: 'load'; id: number; source: ModelSource; backend: BackendChoice; threads: ThreadsChoice }
  | { type: 'solve'; id: number; question: string; maxNewTokens: number; /** [layer, head] pairs to prune, 0-based. */ prune: [number, number][] }
  /** drafts: per problem, the unpruned answer's ids (an unpruned report's), which a pruned run verifies instead of decoding. */
  | { type: 'evaluate'; id: number; problems: Problem[]; prune: [number, number][]; maxNewTokens: number; batch: number; drafts?: number[][] }
  /** decode: how generate-mode cells are decoded; verified (the default) or plain, for checking and bench/. */
  | { type: 'sweep'; id: number; file: SweepFile; batchRows: number; decode?: DecodeMode }
  | { type: 'sprintTrain'; id: number; file: SweepFile; trainIndices: number[]; options: TrainOptions; encoder: SelectorEncoder }
  | { type: 'sprintRank'; id: number; selector: SprintSelector; question: string }
  | { type: 'runPicks'; id: number; question: string; /** null: a row with nothing pruned */ heads: ([number, number] | null)[]; reference: string }
  | { type: 'sprintCompare'; id: number; selector: SprintSelector; problems: SweepProblem[]; maxN: number; maxNewTokens: number; seed: number }
  /** The question with nothing pruned and under each single head pruned; reference may be empty. */
  | { type: 'everyHead'; id: number; question: string; reference: string; maxNewTokens: number }
  | { type: 'attention'; id: number; question: string; /** Generated ids shown after the prompt. */ answer: number[]; layer: number; prune: [number, number][] }
  | { type: 'headRoles'; id: number; problems: Problem[] }
  | { type: 'checkHeads'; id: number }
  /** Replaces the loaded model by one with these truncations (L.MATRIX:KEEP[:bottom]) for every later job; [] restores it. */
  | { type: 'truncate'; id: number; truncations: string[] }
  | { type: 'checkTruncation'; id: number; /** The truncations the model carries now (the text form): the proofs run on them. */ truncations: string[] }
  /** Parses an imported problem file here, off the page's thread; it needs no model. */
  | { type: 'importProblems'; id: number; file: File }
  /** Which of these problems are too long for the model's context with room for maxNewTokens. */
  | { type: 'fitCheck'; id: number; problems: { id: string; question: string }[]; maxNewTokens: number }
  | { type: 'cancel'; id: number; target: number };

export interface WorkerErrorInfo {
  name: string;
  message: string;
}

export type WorkerEvent =
  | { type: 'progress'; id: number; progress: LoadProgress }
  | { type: 'loaded'; id: number; info: ModelInfo }
  | { type: 'token'; id: number; text: string; tokenCount: number; tokensPerSecond: number }
  | { type: 'solved'; id: number; result: SolveResult }
  | { type: 'evalProgress'; id: number; done: number; total: number; latest: EvalResult[] }
  | { type: 'evaluated'; id: number; report: EvalReport }
  | { type: 'sweepCells'; id: number; cells: SweepCell[]; done: number; total: number }
  | { type: 'swept'; id: number; file: SweepFile }
  | { type: 'sprintEpoch'; id: number; epoch: number; loss: number }
  | { type: 'sprintTrained'; id: number; selector: SprintSelector; /** Wall time in the worker: question embedding, then the selector's training. */ seconds: { embed: number; train: number } }
  | { type: 'sprintRanked'; id: number; ranked: HeadRanking }
  | { type: 'picksRun'; id: number; result: PicksResult }
  | { type: 'compareProgress'; id: number; done: number; total: number }
  | { type: 'compared'; id: number; report: ComparisonReport }
  | { type: 'everyHeadDone'; id: number; report: EveryHeadReport }
  | { type: 'attended'; id: number; view: AttentionView }
  | { type: 'rolesProgress'; id: number; done: number; total: number }
  | { type: 'rolesScored'; id: number; report: HeadRolesReport }
  | { type: 'headsChecked'; id: number; report: CheckReport }
  | { type: 'truncated'; id: number; reports: TruncationReport[] }
  | { type: 'truncationChecked'; id: number; results: CheckResult[] }
  | { type: 'fitChecked'; id: number; tooLong: TooLong[]; contextLimit: number }
  | { type: 'problemsImported'; id: number; result: ImportedProblems }
  | { type: 'error'; id: number; error: WorkerErrorInfo };

/** The events that end a request, one per request type: the client resolves a request on them, and FinalEvent is their union. */
export const FINAL_EVENT_TYPES = [
  'loaded', 'solved', 'evaluated', 'swept', 'sprintTrained', 'sprintRanked', 'picksRun', 'compared', 'everyHeadDone', 'attended', 'rolesScored', 'headsChecked', 'truncated', 'truncationChecked', 'fitChecked', 'problemsImported',
] as const satisfies readonly WorkerEvent['type'][];

/** The event that ends a request of each type. */
export type FinalEvent = Extract<WorkerEvent, { type: (typeof FINAL_EVENT_TYPES)[number] }>;
