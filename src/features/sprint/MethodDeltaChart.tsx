/**
 * Per held-out problem: the share of SPRINT's N answers that are right,
 * minus the share for another method. Bars above zero are problems where
 * SPRINT's picks did better.
 */
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ComparisonReport, Method } from '../../engine/sprint/compareMethods';
import { problemDeltas } from '../../engine/sprint/problemDeltas';
import { METHOD_LABELS } from './BestOfNChart';

export function MethodDeltaChart({ report, against, n }: { report: ComparisonReport; against: Method; n: number }) {
  const data = problemDeltas(report, 'sprint', against, n);
  const better = data.filter((d) => d.delta > 0).length;
  const worse = data.filter((d) => d.delta < 0).length;
  return (
    <figure className="chart" aria-label={`Per-problem difference, SPRINT minus ${METHOD_LABELS[against]}`}>
      <BarChart width={Math.max(320, 16 * data.length)} height={200} data={data} margin={{ top: 10, right: 10, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="problem" tick={false} />
        <YAxis domain={[-1, 1]} ticks={[-1, -0.5, 0, 0.5, 1]} width={40} />
        <ReferenceLine y={0} stroke="#1d2330" />
        <Tooltip
          labelFormatter={(label, items) => {
            const family = (items?.[0]?.payload as (typeof data)[number] | undefined)?.family;
            return family ? `${label} (${family})` : label;
          }}
          formatter={(v, _n, item) => {
            const d = item.payload as (typeof data)[number];
            return [`${Number(v).toFixed(2)} (SPRINT ${(100 * d.a).toFixed(0)}% right, ${against} ${(100 * d.b).toFixed(0)}%)`, 'difference'];
          }}
        />
        <Bar dataKey="delta" isAnimationActive={false} minPointSize={2}>
          {data.map((d) => (
            <Cell key={d.problem} fill={d.delta > 0 ? '#2a9d8f' : d.delta < 0 ? '#e63946' : '#9aa3b2'} />
          ))}
        </Bar>
      </BarChart>
      <figcaption data-testid="sprint-deltas">
        Share of the first {n} answers that are right, SPRINT minus {METHOD_LABELS[against]}: SPRINT better on {better}, worse on {worse}, equal on{' '}
        {data.length - better - worse} of {data.length} problems.
      </figcaption>
    </figure>
  );
}
