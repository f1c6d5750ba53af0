/**
 * The SPRINT slice: a selector trained in the worker from the current sweep
 * (first 80% of its problems train, the rest are held out), saved in
 * IndexedDB under what it is (several per model, listed, any of them
 * reopened or forgotten), exported and imported as JSON, and the heads it
 * ranks for the question in the question panel. A bundled model's shipped
 * selector is used until the user trains or imports one, and again once
 * every saved one is forgotten.
 */
import { create } from 'zustand';
import { engineClient } from '../worker/client';
import type { FinalEvent, LoadProgress, ModelInfo, ModelSource } from '../worker/protocol';
import { checkSelectorFor, topPicks, type HeadRanking, type RankedHead, type SelectorEncoder, type SprintSelector } from '../engine/sprint/selectorFormat';
import { parseSelectorText } from '../engine/sprint/selectorFile';
import { DEFAULT_TRAIN, type TrainOptions } from '../engine/sprint/trainSelector';
import type { SweepFile } from '../engine/sweep/sweepSchema';
import type { PicksResult } from '../engine/sprint/runPicks';
import { forgetSavedSelector, lastUsed, markSelectorUsed, savedSelectors, saveSelector, type SavedSelectorEntry, type SavedSource } from './selectorPersistence';
import { selectorIdentity, trainingSweepOf } from './selectorIdentity';
import { fetchShippedSelector, type ShippedLookup } from './shippedSelector';
import { activeTruncation } from './activeTruncation';

/** Where the selector in use came from: shipped with the bundled model, trained here, or imported. */
export type SelectorSource = { kind: 'shipped' } | SavedSource;

/** The training settings a user can change; the rest are DEFAULT_TRAIN's. */
export type TrainSettings = Pick<TrainOptions, 'temperature' | 'k' | 'epochs' | 'seed'>;

interface SprintState {
  settings: TrainSettings;
  setSettings(change: Partial<TrainSettings>): void;
  selector?: SprintSelector;
  /** What the selector in use is (selectorIdentity), so an evaluation can be saved under it. */
  selectorId?: string;
  /** Every selector saved in this browser for the loaded model, most recently saved first. */
  saved: SavedSelectorEntry[];
  /** Where the selector in use came from; unknown for one saved before that was recorded. */
  source?: SelectorSource;
  /** Whether it was read back from this browser after a load. */
  restored?: boolean;
  /** The selector shipped with the loaded bundled model: in use whenever the user has none of their own. */
  shipped?: SprintSelector;
  /** Why a shipped selector file was not used (another model's, damaged). */
  shippedProblem?: string;
  status: 'idle' | 'training' | 'ranking' | 'error';
  error?: string;
  losses: number[];
  /** Every head in SPRINT's order for the question ranked last (the grid numbers the first ones). */
  ranked?: RankedHead[];
  /** The unpruned model's estimated chance for that question, and its place in the order. */
  none?: HeadRanking['none'];
  rankedFor?: string;
  /** Worker wall time of the last training: embedding, then training. */
  seconds?: { embed: number; train: number };
  picks?: PicksResult;
  /** The question the top-N answers are for. */
  picksFor?: string;
  /** The truncations the worker's model carried for the top-N answers. */
  picksTruncated?: string[];
  /** The question encoder's download, while the MiniLM encoder loads. */
  download?: LoadProgress;
  train(file: SweepFile, encoder: SelectorEncoder): Promise<void>;
  runTopN(question: string, n: number, reference: string): Promise<void>;
  rank(question: string): Promise<void>;
  /** After a model loads: its saved selector, else the one shipped with it (`from` a bundled folder), if any. */
  restore(info: ModelInfo, from?: ModelSource): Promise<void>;
  importJson(name: string, text: string, info: ModelInfo): void;
  /** Forgets the selector in use; the saved one used before it, else the shipped one, takes its place. */
  discard(): Promise<void>;
  /** Puts a saved selector from the list in use. */
  use(id: string): Promise<void>;
  /** Forgets one saved selector from the list (the one in use as discard() does). */
  forget(id: string): Promise<void>;
}

/** The training split: the first 80% of the sweep's problems (at least one is held out). */
export function trainingSplit(problemCount: number): number[] {
  const train = Math.min(problemCount - 1, Math.max(1, Math.floor(problemCount * 0.8)));
  return Array.from({ length: train }, (_, i) => i);
}

// Counts restores, so a slow one for a model since replaced does not overwrite the newer model's selector.
let restores = 0;

/** The state that puts a saved selector in use. */
const inUse = (e: SavedSelectorEntry) => ({ ...fresh, selector: e.selector, selectorId: e.id, source: e.source, restored: true, losses: e.selector.losses, seconds: undefined });

/** The state with no saved selector in use: the shipped one, if any. */
const shippedInUse = (shipped: SprintSelector | undefined) => ({
  ...fresh,
  selector: shipped,
  selectorId: shipped && selectorIdentity(shipped),
  source: shipped && ({ kind: 'shipped' } as const),
  restored: false,
  losses: shipped?.losses ?? [],
  seconds: undefined,
});

const fresh = { ranked: undefined, none: undefined, rankedFor: undefined, picks: undefined, picksFor: undefined, error: undefined, status: 'idle' as const };

export const useSprintStore = create<SprintState>((set, get) => ({
  status: 'idle',
  losses: [],
  saved: [],
  settings: { temperature: DEFAULT_TRAIN.temperature, k: DEFAULT_TRAIN.k, epochs: DEFAULT_TRAIN.epochs, seed: DEFAULT_TRAIN.seed },
  setSettings: (change) => set({ settings: { ...get().settings, ...change } }),
  async train(file, encoder) {
    const trainIndices = trainingSplit(file.problems.length);
    set({ ...fresh, status: 'training', losses: [], seconds: undefined });
    const { done } = engineClient().request<Extract<FinalEvent, { type: 'sprintTrained' }>>(
      { type: 'sprintTrain', file, trainIndices, options: { ...DEFAULT_TRAIN, ...get().settings }, encoder },
      (e) => {
        if (e.type === 'sprintEpoch') set({ losses: [...get().losses, e.loss] });
        if (e.type === 'progress') set({ download: e.progress.status === 'ready' ? undefined : e.progress });
      },
    );
    try {
      const { selector, seconds } = await done;
      const entry = await saveSelector(selector, { kind: 'trained' }, trainingSweepOf(file));
      set({ selector, selectorId: entry.id, seconds, source: { kind: 'trained' }, restored: false, status: 'idle', download: undefined });
      set({ saved: await savedSelectors(selector.model.fingerprint) });
    } catch (err) {
      set({ status: 'error', error: (err as Error).message, download: undefined });
    }
  },
  async runTopN(question, n, reference) {
    // A ranking for an earlier question is never run on this one: rank it first.
    if (get().rankedFor !== question) await get().rank(question);
    const { ranked, none, rankedFor } = get();
    if (!ranked || !none || rankedFor !== question) return;
    set({ status: 'ranking', error: undefined, picks: undefined, picksFor: undefined, picksTruncated: activeTruncation.get() });
    try {
      const heads = topPicks({ heads: ranked, none }, n).map((h) => (h ? ([h.layer, h.head] as [number, number]) : null));
      const { result } = await engineClient().request<Extract<FinalEvent, { type: 'picksRun' }>>({ type: 'runPicks', question, heads, reference }).done;
      set({ picks: result, picksFor: question, status: 'idle' });
    } catch (err) {
      set({ status: 'error', error: (err as Error).message });
    }
  },
  async rank(question) {
    const { selector } = get();
    if (!selector) return;
    // The top-N answers belong to the ranking they ran: a new ranking clears them.
    set({ status: 'ranking', error: undefined, picks: undefined, picksFor: undefined });
    try {
      const { ranked } = await engineClient().request<Extract<FinalEvent, { type: 'sprintRanked' }>>({ type: 'sprintRank', selector, question }).done;
      set({ ranked: ranked.heads, none: ranked.none, rankedFor: question, status: 'idle' });
    } catch (err) {
      set({ status: 'error', error: (err as Error).message });
    }
  },
  async restore(info, from) {
    const mine = ++restores;
    const [saved, shipped] = await Promise.all([savedSelectors(info.fingerprint), from?.kind === 'bundled' ? fetchShippedSelector(from.name, info) : ({} as ShippedLookup)]);
    if (mine !== restores) return;
    const last = lastUsed(saved);
    set({ ...(last ? inUse(last) : shippedInUse(shipped.selector)), saved, shipped: shipped.selector, shippedProblem: shipped.problem });
  },
  importJson(name, text, info) {
    try {
      const selector = parseSelectorText(text, name);
      checkSelectorFor(selector, info);
      set({ ...fresh, selector, selectorId: selectorIdentity(selector), losses: selector.losses, seconds: undefined, source: { kind: 'imported', file: name }, restored: false });
      void saveSelector(selector, { kind: 'imported', file: name }).then(async () => set({ saved: await savedSelectors(info.fingerprint) }));
    } catch (err) {
      set({ error: `Could not import the selector: ${(err as Error).message}` });
    }
  },
  async discard() {
    const { selector, selectorId, source, shipped } = get();
    if (!selector || !selectorId || source?.kind === 'shipped') return;
    await forgetSavedSelector(selectorId);
    const saved = await savedSelectors(selector.model.fingerprint);
    const last = lastUsed(saved);
    set({ ...(last ? inUse(last) : shippedInUse(shipped)), saved });
  },
  async use(id) {
    const entry = get().saved.find((e) => e.id === id);
    if (!entry) return;
    set(inUse(await markSelectorUsed(entry)));
    set({ saved: await savedSelectors(entry.selector.model.fingerprint) });
  },
  async forget(id) {
    const { saved, selectorId, source } = get();
    if (id === selectorId && source?.kind !== 'shipped') return get().discard();
    const entry = saved.find((e) => e.id === id);
    if (!entry) return;
    await forgetSavedSelector(id);
    set({ saved: await savedSelectors(entry.selector.model.fingerprint) });
  },
}));
