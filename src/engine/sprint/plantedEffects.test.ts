/**
 * SPRINT against planted effects, with no model: clusters of questions each
 * have their own helpful head (testing/plantedOutcomes.ts). The default
 * selector, trained through the product's own path (trainSprint on a sweep,
 * rankHeadsFor on new questions), must find the helpful head per question and
 * beat `fixed` on held-out questions; and it must not beat `fixed` when the
 * question information is destroyed or the table has no planted effect, so a
 * selector that "wins" by chance or by leaking outcomes fails here.
 */
import { describe, expect, it } from 'vitest';
import { passAtN, type Attempt } from './bestOfN';
import { noneIndex, outcomesFromSweep } from './outcomes';
import { topPicks } from './selectorFormat';
import { rankingsFromEmbeddings, selectorFromEmbeddings, type SprintTrainOptions } from './sprintSelector';
import { DEFAULT_TRAIN } from './trainSelector';
import { plantedSweep, plantedWorld, type PlantedOptions, type PlantedWorld } from './testing/plantedOutcomes';
import { Rng } from '../problems/rng';

const LAYERS = 6;
const HEADS = 8;
const DIM = 32;
const TRAIN = 480;
const TEST = 300;
const NS = [1, 4];

const worldOptions: PlantedOptions = {
  questions: TRAIN + TEST, clusters: 6, dim: DIM, numLayers: LAYERS, numHeads: HEADS, baseRate: 0.65, fixRate: 0.85, flipRate: 0.05, effect: 'planted', base: 'embedded', seed: 11,
};

/**
 * Trains a selector (the default one unless `options` says otherwise) on the first TRAIN questions, with
 * `trainX` [TRAIN, DIM] as their embeddings, through the product's own path after embedding
 * (selectorFromEmbeddings, rankingsFromEmbeddings: what trainSprint and rankHeadsFor call once the
 * encoder has run), and scores SPRINT and `fixed` on the rest: pass@N per N in NS, from the planted outcomes.
 */
async function run(world: PlantedWorld, trainX: Float32Array = world.x, options: Partial<SprintTrainOptions> = {}) {
  const file = plantedSweep(world, LAYERS, HEADS, 'planted');
  const table = outcomesFromSweep(file, [...Array(TRAIN).keys()]);
  const selector = selectorFromEmbeddings(trainX.slice(0, TRAIN * DIM), table, file, 'planted', { ...DEFAULT_TRAIN, ...options, encoder: 'mean-final-hidden' });
  const rankings = rankingsFromEmbeddings(selector, world.x.slice(TRAIN * DIM), DIM);
  const none = noneIndex(world.nCand);
  const sprint = rankings.map((r) => topPicks(r, Math.max(...NS)).map((h) => (h ? h.layer * HEADS + h.head : none)));
  const attempts = (order: number[], q: number): Attempt[] => order.map((j) => ({ answer: null, correct: world.y[(TRAIN + q) * world.nCand + j] === 1 }));
  const pass = (orders: number[][]) => NS.map((n) => orders.filter((order, q) => passAtN(attempts(order, q), n)).length / orders.length);
  return { selector, sprint: pass(sprint), fixed: pass(rankings.map(() => selector.fixedOrder)), firstPicks: sprint.map((o) => o[0]) };
}
const pct = (v: number[]) => v.map((p) => (100 * p).toFixed(1)).join('/');
const summary = (r: Awaited<ReturnType<typeof run>>) =>
  `pass@${NS.join('/')}: sprint ${pct(r.sprint)}, fixed ${pct(r.fixed)}; chose ${r.selector.noneFirst ? 'nothing' : `β ${r.selector.betaFirst}`} first, β ${r.selector.beta}`;

describe('SPRINT on planted per-cluster head effects', () => {
  it.each([11, 12])("finds each cluster's helpful head and beats fixed on held-out questions (seed %i)", async (seed) => {
    const world = plantedWorld({ ...worldOptions, seed });
    const r = await run(world);
    const test = (q: number) => TRAIN + q;
    // The effect is there to find: each question's helpful head, tried first, beats fixed by about 25 points.
    const oracle = r.firstPicks.filter((_, q) => world.y[test(q) * world.nCand + world.helpful[world.cluster[test(q)]]] === 1).length / TEST;
    expect(oracle).toBeGreaterThan(r.fixed[0] + 0.2);
    expect(r.selector.noneFirst || r.selector.betaFirst === 0, summary(r)).toBe(false);
    // Where the unpruned model is wrong, the first pick is often that question's cluster's head: 31% and 38%
    // at seeds 11 and 12 (measured), against about 2% for a head drawn at random. The recovery is partial:
    // SPRINT's pass@1 sits about 8-10 points above fixed, and 15-17 below the oracle.
    const wrong = r.firstPicks.flatMap((j, q) => (world.y[test(q) * world.nCand + noneIndex(world.nCand)] === 0 ? [j === world.helpful[world.cluster[test(q)]]] : []));
    const share = wrong.filter(Boolean).length / wrong.length;
    console.log(`seed ${seed}: ${summary(r)}; oracle pass@1 ${pct([oracle])}; helpful head first on ${pct([share])}% of unpruned-wrong questions`);
    expect(share, summary(r)).toBeGreaterThan(0.2);
    expect(r.sprint[0], summary(r)).toBeGreaterThanOrEqual(r.fixed[0] + 0.04);
    expect(r.sprint[1], summary(r)).toBeGreaterThanOrEqual(r.fixed[1] + 0.05);
  });

  it('does no worse than fixed where whether the unpruned model is right is a coin flip no embedding shows', async () => {
    // A harder world than any model measured here: the selector cannot read the per-question noise and
    // mostly falls back to the fixed order (2 of seeds 11-13), which is the cautious answer.
    for (const seed of [11, 12]) {
      const r = await run(plantedWorld({ ...worldOptions, base: 'coin', seed }));
      console.log(`coin, seed ${seed}: ${summary(r)}`);
      NS.forEach((_, i) => expect(r.sprint[i], summary(r)).toBeGreaterThanOrEqual(r.fixed[i] - 0.02));
    }
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
