/**
 * SPRINT against planted effects, with no model: clusters of questions each
 * have their own helpful head (testing/plantedOutcomes.ts). The default
 * selector, trained through the product's own path (trainSprint on a sweep,
 * rankHeadsFor on new questions), must find the helpful head per question and
 * beat `fixed` on held-out questions; and it must not beat `fixed` when the
 * question information is destroyed or the table has no planted effect, so a
 * selector that "wins" by chance or by leaking outcomes fails here.
 */
import { describe, expect, it, vi } from 'vitest';
import type { LoadedModel } from '../model/loadModel';
import { passAtN, type Attempt } from './bestOfN';
import { noneIndex } from './outcomes';
import { topPicks, type SprintSelector } from './selectorFormat';
import { rankHeadsFor, trainSprint } from './sprintSelector';
import { DEFAULT_TRAIN } from './trainSelector';
import { plantedSweep, plantedWorld, type PlantedOptions, type PlantedWorld } from './testing/plantedOutcomes';
import { Rng } from '../problems/rng';

/** Question text -> embedding [DIM]: what the stand-in encoder returns, filled per test. */
const embeddings = vi.hoisted(() => new Map<string, Float32Array>());

// The only stand-in: the question encoder, so everything after embedding (labels, training, calibration, β, ranking) is the product's.
vi.mock('./questionEncoder', () => ({
  encodeQuestions: async (_model: unknown, _encoder: unknown, questions: string[]) => {
    const dim = embeddings.get(questions[0])!.length;
    const x = new Float32Array(questions.length * dim);
    questions.forEach((q, i) => x.set(embeddings.get(q)!, i * dim));
    return { x, dim };
  },
  checkEncoderWidth: () => undefined,
}));

const LAYERS = 6;
const HEADS = 8;
const DIM = 32;
const TRAIN = 480;
const TEST = 300;
const NS = [1, 4];
const model = { fingerprint: 'planted', spec: { numLayers: LAYERS, numHeads: HEADS, hiddenSize: DIM } } as unknown as LoadedModel;

const worldOptions: PlantedOptions = {
  questions: TRAIN + TEST, clusters: 6, dim: DIM, numLayers: LAYERS, numHeads: HEADS, baseRate: 0.65, fixRate: 0.85, flipRate: 0.05, effect: 'planted', seed: 11,
};

/**
 * Trains the default selector on the first TRAIN questions (with `trainX` [TRAIN, DIM] as their embeddings)
 * and scores SPRINT and `fixed` on the rest: pass@N per N in NS, from the planted outcomes.
 */
async function run(world: PlantedWorld, trainX: Float32Array = world.x) {
  embeddings.clear();
  world.questions.forEach((q, i) => embeddings.set(q, (i < TRAIN ? trainX : world.x).slice(i * DIM, (i + 1) * DIM)));
  const file = plantedSweep(world, LAYERS, HEADS, model.fingerprint);
  // As the app's store and the CLI call it: DEFAULT_TRAIN, the default encoder, the fit's own defaults.
  const selector: SprintSelector = await trainSprint(model, file, [...Array(TRAIN).keys()], { ...DEFAULT_TRAIN, encoder: 'mean-final-hidden' });
  const test = world.questions.slice(TRAIN);
  const rankings = await rankHeadsFor(model, selector, test);
  const none = noneIndex(world.nCand);
  const sprint = rankings.map((r) => topPicks(r, Math.max(...NS)).map((h) => (h ? h.layer * HEADS + h.head : none)));
  const attempts = (order: number[], q: number): Attempt[] => order.map((j) => ({ answer: null, correct: world.y[(TRAIN + q) * world.nCand + j] === 1 }));
  const pass = (orders: number[][]) => NS.map((n) => orders.filter((order, q) => passAtN(attempts(order, q), n)).length / orders.length);
  return { selector, sprint: pass(sprint), fixed: pass(test.map(() => selector.fixedOrder)), firstPicks: sprint.map((o) => o[0]) };
}

const pct = (v: number[]) => v.map((p) => (100 * p).toFixed(1)).join('/');
const summary = (r: Awaited<ReturnType<typeof run>>) =>
  `pass@${NS.join('/')}: sprint ${pct(r.sprint)}, fixed ${pct(r.fixed)}; chose ${r.selector.noneFirst ? 'nothing' : `β ${r.selector.betaFirst}`} first, β ${r.selector.beta}`;

describe('SPRINT on planted per-cluster head effects', () => {
  it("finds each cluster's helpful head and beats fixed on held-out questions", async () => {
    const world = plantedWorld(worldOptions);
    const r = await run(world);
    // The effect is there to find: trying each question's helpful head first (an oracle) beats fixed by about 28 points.
    const oracle = r.firstPicks.filter((_, q) => world.y[(TRAIN + q) * world.nCand + world.helpful[world.cluster[TRAIN + q]]] === 1).length / TEST;
    expect(oracle).toBeGreaterThan(r.fixed[0] + 0.2);
    expect(r.selector.noneFirst, summary(r)).toBe(false);
    expect(r.selector.betaFirst, summary(r)).toBeGreaterThan(0);
    const helpfulFirst = r.firstPicks.filter((j, q) => j === world.helpful[world.cluster[TRAIN + q]]).length / TEST;
    expect(helpfulFirst, `helpful head first on ${pct([helpfulFirst])}%; ${summary(r)}`).toBeGreaterThan(0.5);
    expect(r.sprint[0], summary(r)).toBeGreaterThanOrEqual(r.fixed[0] + 0.1);
    expect(r.sprint[1], summary(r)).toBeGreaterThanOrEqual(r.fixed[1] + 0.05);
  });

  it('does not beat fixed when the training embeddings are shuffled across questions', async () => {
    const world = plantedWorld(worldOptions);
    const rng = new Rng(5);
    const order = [...Array(TRAIN).keys()];
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const shuffled = new Float32Array(TRAIN * DIM);
    order.forEach((from, to) => shuffled.set(world.x.subarray(from * DIM, (from + 1) * DIM), to * DIM));
    const r = await run(world, shuffled);
    NS.forEach((_, i) => expect(r.sprint[i], summary(r)).toBeLessThanOrEqual(r.fixed[i] + 0.02));
  });

  it('does not beat fixed when the helpful head is independent of the cluster', async () => {
    const r = await run(plantedWorld({ ...worldOptions, effect: 'null' }));
    NS.forEach((_, i) => expect(r.sprint[i], summary(r)).toBeLessThanOrEqual(r.fixed[i] + 0.03));
  });
});
