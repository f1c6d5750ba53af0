/** Prints the bundled model's greedy answers to held-out problems 0..7, for bundledModel.test.ts. */
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../src/node/loadNodeModel';
import { solveQuestions } from '../src/engine/model/solve';
import { syntheticProblems } from '../src/engine/problems/synthetic';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';

const model = await loadNodeModel(BUNDLED_MODEL_DIR);
const problems = syntheticProblems({ seed: HELD_OUT_SEED, count: 8 });
const solutions = await solveQuestions(model, problems.map((p) => p.question), { maxNewTokens: 64 });
process.stdout.write(JSON.stringify(solutions.map((s) => s.text), null, 2) + '\n');
