/** Per-problem change from baseline to pruned: +1 fixed, −1 broken, 0 unchanged. */
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { EvalReport } from '../../engine/runs/evaluateProblems';
import { flipOf, type Flip } from '../../engine/stats/proportion';

export const FLIP_COLOURS: Record<Flip, string> = { fixed: '#2a9d8f', broken: '#e63946', 'same-right': '#9aa3b2', 'same-wrong': '#9aa3b2' };

export function DeltaChart({ baseline, pruned }: { baseline: EvalReport; pruned: EvalReport }) {
  const data = baseline.results.map((b, i) => {
    const flip = flipOf(b.correct, pruned.results[i].correct);
    return { id: b.id, delta: Number(pruned.results[i].correct) - Number(b.correct), flip };
  });
  const fixed = data.filter((d) => d.flip === 'fixed').length;
  const broken = data.filter((d) => d.flip === 'broken').length;
  return (
    <figure className="chart" aria-label="Per-problem change in correctness after pruning">
      <BarChart width={Math.max(320, 24 * data.length)} height={220} data={data} margin={{ top: 10, right: 10, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="id" tick={false} />
        <YAxis domain={[-1, 1]} ticks={[-1, 0, 1]} width={30} />
        <ReferenceLine y={0} stroke="#1d2330" />
        <Tooltip />
        <Bar dataKey="delta" isAnimationActive={false} minPointSize={2}>
          {data.map((d) => (
            <Cell key={d.id} fill={FLIP_COLOURS[d.flip]} />
          ))}
        </Bar>
      </BarChart>
      <figcaption data-testid="flips">
        {fixed} fixed (wrong to right), {broken} broken (right to wrong), {data.length - fixed - broken} unchanged
      </figcaption>
    </figure>
  );
}
