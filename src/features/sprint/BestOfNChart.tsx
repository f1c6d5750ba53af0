/**
 * Accuracy against N for the five methods, one metric per chart, with the
 * bootstrap 95% intervals as error bars.
 */
import { CartesianGrid, ErrorBar, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ComparisonReport, Method } from '../../engine/sprint/compareMethods';

export const METHOD_LABELS: Record<Method, string> = {
  greedy: 'greedy (no pruning)',
  sampling: 'sampling best-of-N',
  random: 'random-head best-of-N',
  fixed: 'fixed head order best-of-N',
  sprint: 'SPRINT best-of-N',
};
const COLOURS: Record<Method, string> = { greedy: '#6c757d', sampling: '#2166ac', random: '#e9a23b', fixed: '#2a9d8f', sprint: '#c0392b' };

export type Metric = 'passAtN' | 'majority';
export const METRIC_LABELS: Record<Metric, string> = {
  passAtN: 'pass@N: any of the N answers is right',
  majority: 'majority vote: the most common of the N answers is right',
};

export function BestOfNChart({ report, metric }: { report: ComparisonReport; metric: Metric }) {
  const data = report.ns.map((n, i) => {
    const row: Record<string, unknown> = { n };
    for (const m of report.methods) {
      const e = m.points[i][metric];
      row[m.method] = 100 * e.mean;
      row[`${m.method}CI`] = [100 * (e.mean - e.low), 100 * (e.high - e.mean)];
    }
    return row;
  });
  return (
    <figure className="chart" aria-label={`Accuracy against N, ${METRIC_LABELS[metric]}`}>
      <LineChart width={420} height={260} data={data} margin={{ top: 10, right: 10, bottom: 10, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="n" label={{ value: 'N', position: 'insideBottomRight', offset: -4 }} />
        <YAxis domain={[0, 100]} unit="%" width={50} />
        <Tooltip formatter={(v, name) => [`${Number(v).toFixed(1)}%`, METHOD_LABELS[name as Method] ?? name]} />
        <Legend formatter={(name) => METHOD_LABELS[name as Method] ?? name} />
        {report.methods.map(({ method }) => (
          <Line key={method} dataKey={method} stroke={COLOURS[method]} isAnimationActive={false} dot={{ r: 2 }}>
            <ErrorBar dataKey={`${method}CI`} width={4} stroke={COLOURS[method]} direction="y" isAnimationActive={false} />
          </Line>
        ))}
      </LineChart>
      <figcaption>{METRIC_LABELS[metric]}; bars are bootstrap 95% intervals over problems.</figcaption>
    </figure>
  );
}
