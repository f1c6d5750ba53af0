/** Aggregate accuracy, baseline vs pruned, with 95% Wilson intervals as error bars. */
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, Tooltip, XAxis, YAxis } from 'recharts';
import type { EvalReport } from '../../engine/runs/evaluateProblems';
import { wilsonInterval } from '../../engine/stats/proportion';
import { ChartLegend } from './ChartLegend';

const COLOURS = { baseline: '#7fc8f8', pruned: '#f25c54' };

function row(name: string, report: EvalReport) {
  const k = report.results.filter((r) => r.correct).length;
  const { low, high } = wilsonInterval(k, report.n);
  const accuracy = 100 * report.accuracy;
  return { name, accuracy, ci: [accuracy - 100 * low, 100 * high - accuracy], label: `${k}/${report.n}, 95% CI ${(100 * low).toFixed(0)}–${(100 * high).toFixed(0)}%` };
}

/** Two bars, baseline and pruned, with their intervals, a legend and the numbers in the caption. */
export function AccuracyChart({ baseline, pruned }: { baseline: EvalReport; pruned: EvalReport }) {
  const data = [row('baseline', baseline), row('pruned', pruned)];
  return (
    <figure className="chart" aria-label="Accuracy, baseline and pruned, with 95% confidence intervals">
      <BarChart width={320} height={240} data={data} margin={{ top: 10, right: 10, bottom: 20, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" label={{ value: 'run', position: 'insideBottom', offset: -8 }} />
        <YAxis domain={[0, 100]} unit="%" width={50} label={{ value: 'accuracy', angle: -90, position: 'insideLeft', offset: -8, dy: 30 }} />
        <Tooltip formatter={(v, _n, item) => [`${Number(v).toFixed(1)}% (${(item.payload as { label: string }).label})`, 'accuracy']} />
        <Bar dataKey="accuracy" isAnimationActive={false}>
          <Cell fill={COLOURS.baseline} />
          <Cell fill={COLOURS.pruned} />
          <ErrorBar dataKey="ci" width={8} stroke="#1d2330" direction="y" isAnimationActive={false} />
        </Bar>
      </BarChart>
      <ChartLegend
        label="Accuracy chart legend"
        items={[
          { colour: COLOURS.baseline, label: 'baseline: nothing pruned' },
          { colour: COLOURS.pruned, label: "pruned: the grid's heads pruned" },
          { colour: '#1d2330', label: 'whiskers: 95% Wilson interval' },
        ]}
      />
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
