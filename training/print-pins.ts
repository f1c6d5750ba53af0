/**
 * Prints a bundled model's greedy answers to held-out problems 0..7, for
 * bundledModel.test.ts (headlab-math-6x8, synthetic seed 7) or, with --mix,
 * mixModel.bundled.test.ts (headlab-mix-6x8, mix seed 7).
 */
import { BUNDLED_MODEL_DIR, MIX_MODEL_DIR, loadNodeModel } from '../src/node/loadNodeModel';
import { solveQuestions } from '../src/engine/model/solve';
import { syntheticProblems } from '../src/engine/problems/synthetic';
import { mixProblems } from '../src/engine/problems/mix/mixProblems';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';

const mix = process.argv.includes('--mix');
const model = await loadNodeModel(mix ? MIX_MODEL_DIR : BUNDLED_MODEL_DIR);
const problems = (mix ? mixProblems : syntheticProblems)({ seed: HELD_OUT_SEED, count: 8 });
const solutions = await solveQuestions(model, problems.map((p) => p.question), { maxNewTokens: 64 });
process.stdout.write(JSON.stringify(solutions.map((s) => s.text), null, 2) + '\n');
