/** Aggregate accuracy, baseline vs pruned, with 95% Wilson intervals as error bars. */
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, Tooltip, XAxis, YAxis } from 'recharts';
import type { EvalReport } from '../../engine/runs/evaluateProblems';
import { wilsonInterval } from '../../engine/stats/proportion';

function row(name: string, report: EvalReport) {
  const k = report.results.filter((r) => r.correct).length;
  const { low, high } = wilsonInterval(k, report.n);
  const accuracy = 100 * report.accuracy;
  return { name, accuracy, ci: [accuracy - 100 * low, 100 * high - accuracy], label: `${k}/${report.n}, 95% CI ${(100 * low).toFixed(0)}–${(100 * high).toFixed(0)}%` };
}

export function AccuracyChart({ baseline, pruned }: { baseline: EvalReport; pruned: EvalReport }) {
  const data = [row('baseline', baseline), row('pruned', pruned)];
  return (
    <figure className="chart" aria-label="Accuracy, baseline and pruned, with 95% confidence intervals">
      <BarChart width={320} height={220} data={data} margin={{ top: 10, right: 10, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" />
        <YAxis domain={[0, 100]} unit="%" width={50} />
        <Tooltip formatter={(v, _n, item) => [`${Number(v).toFixed(1)}% (${(item.payload as { label: string }).label})`, 'accuracy']} />
        <Bar dataKey="accuracy" isAnimationActive={false}>
          <Cell fill="#7fc8f8" />
          <Cell fill="#f25c54" />
          <ErrorBar dataKey="ci" width={8} stroke="#1d2330" direction="y" isAnimationActive={false} />
        </Bar>
      </BarChart>
      <figcaption>
        {data.map((d) => (
          <span key={d.name} data-testid={`accuracy-${d.name}`}>
            {d.name}: {d.accuracy.toFixed(1)}% ({d.label}){' '}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
