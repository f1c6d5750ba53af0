/**
 * The attention slice: the grid's inspect mode, the head it inspects, the
 * patterns the worker sent for it (one layer of the question and its
 * answer, before and after the grid's pruning), and the head roles over the
 * loaded problem set, with the role the grid is coloured by.
 */
import { create } from 'zustand';
import type { AttentionView } from '../engine/attention/attentionView';
import type { HeadRolesReport } from '../engine/attention/headRoles';
import type { HeadRole } from '../engine/attention/roleQueries';
import type { Problem } from '../engine/problems/problem';
import { engineClient } from '../worker/client';
import { cancelRunning, failedJob } from './workerJob';
import type { FinalEvent } from '../worker/protocol';
import { currentPrunedHeads, type HeadRef } from './headsStore';
import { useSolveStore } from './solveStore';

type Status = 'idle' | 'running' | 'done' | 'error';

/** What a pattern request was for: a later request for the same thing reuses the result. */
export interface PatternRequest {
  question: string;
  answer: number[];
  layer: number;
  prune: HeadRef[];
}

interface AttentionState {
  /** Inspect mode: a grid click selects a head to show rather than pruning it. */
  inspect: boolean;
  selected: HeadRef;
  /** One head's map, or every head of its layer as small multiples. */
  layout: 'head' | 'layer';
  status: Status;
  error?: string;
  view?: AttentionView;
  /** The request `view` answers. */
  viewFor?: PatternRequest;
  requestId?: number;
  roles: { status: Status; report?: HeadRolesReport; done: number; total: number; error?: string; ranOn?: string; requestId?: number };
  /** The role the grid is coloured by; null: the grid's other colourings. */
  colourRole: HeadRole | null;
  setInspect(on: boolean): void;
  select(head: HeadRef): void;
  setLayout(layout: 'head' | 'layer'): void;
  /** Asks the worker for the selected layer's patterns over the question (and its answer, when it has one) with the grid's pruning. */
  show(): Promise<void>;
  /** Patterns for an explicit request (the teaching panel's demos). */
  showFor(req: PatternRequest, head: number): Promise<void>;
  cancel(): void;
  scoreRoles(problems: Problem[], label: string): Promise<void>;
  cancelRoles(): void;
  setColourRole(role: HeadRole | null): void;
  /** A new model: nothing shown belongs to it. */
  clear(): void;
}

const sameRequest = (a: PatternRequest | undefined, b: PatternRequest) =>
  !!a && a.question === b.question && a.layer === b.layer && a.answer.join() === b.answer.join() && a.prune.join(';') === b.prune.join(';');

/** The question box and, when it answers that question, the latest answer. */
export function currentQuestion(): { question: string; answer: number[] } {
  const { question, status, answerTokens, answerFor } = useSolveStore.getState();
  return { question, answer: status === 'done' && answerFor === question ? answerTokens : [] };
}

export const useAttentionStore = create<AttentionState>((set, get) => ({
  inspect: false,
  selected: [0, 0],
  layout: 'head',
  status: 'idle',
  roles: { status: 'idle', done: 0, total: 0 },
  colourRole: null,
  setInspect: (inspect) => set({ inspect }),
  select(selected) {
    set({ selected });
    void get().show();
  },
  setLayout: (layout) => set({ layout }),
  async show() {
    const { question, answer } = currentQuestion();
    if (!question.trim()) return;
    await get().showFor({ question, answer, layer: get().selected[0], prune: currentPrunedHeads() }, get().selected[1]);
  },
  async showFor(req, head) {
    set({ selected: [req.layer, head] });
    if (get().status === 'running' || (sameRequest(get().viewFor, req) && get().status === 'done')) return;
    set({ status: 'running', error: undefined });
    const { id, done } = engineClient().request<Extract<FinalEvent, { type: 'attended' }>>({ type: 'attention', ...req });
    set({ requestId: id });
    try {
      const { view } = await done;
      set({ status: 'done', view, viewFor: req });
    } catch (err) {
      set(failedJob(err, 'idle'));
    }
  },
  cancel: () => cancelRunning(get()),
  async scoreRoles(problems, label) {
    set({ roles: { status: 'running', done: 0, total: problems.length, ranOn: label } });
    const { id, done } = engineClient().request<Extract<FinalEvent, { type: 'rolesScored' }>>({ type: 'headRoles', problems }, (e) => {
      if (e.type === 'rolesProgress') set({ roles: { ...get().roles, done: e.done, total: e.total } });
    });
    set({ roles: { ...get().roles, requestId: id } });
    try {
      const { report } = await done;
      set({ roles: { ...get().roles, status: 'done', report } });
    } catch (err) {
      set({ roles: { ...get().roles, ...failedJob(err, 'idle') } });
    }
  },
  cancelRoles: () => cancelRunning(get().roles),
  setColourRole: (colourRole) => set({ colourRole }),
  clear: () => set({ status: 'idle', view: undefined, viewFor: undefined, error: undefined, roles: { status: 'idle', done: 0, total: 0 }, colourRole: null }),
}));
