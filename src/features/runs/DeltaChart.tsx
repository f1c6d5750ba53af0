/** Per-problem change from baseline to pruned: +1 fixed, −1 broken, 0 unchanged. */
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { EvalReport } from '../../engine/runs/evaluateProblems';
import { flipOf, type Flip } from '../../engine/stats/proportion';
import { ChartLegend } from './ChartLegend';

export const FLIP_COLOURS: Record<Flip, string> = { fixed: '#2a9d8f', broken: '#e63946', 'same-right': '#9aa3b2', 'same-wrong': '#9aa3b2' };

const FLIP_WORDS: Record<Flip, string> = {
  fixed: 'wrong → right (fixed)',
  broken: 'right → wrong (broken)',
  'same-right': 'right both times',
  'same-wrong': 'wrong both times',
};

interface Row {
  id: string;
  delta: number;
  flip: Flip;
}

/** The hovered bar's problem id and what pruning did to it. */
function DeltaTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: Row }[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      problem <strong>{row.id}</strong>: {FLIP_WORDS[row.flip]}
    </div>
  );
}

/** Longest problem id an axis label shows in full; a longer one is shortened, and the bar's hover gives it whole. */
const LABEL_CHARS = 12;

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/**
 * The axis label under a flipped problem's bar: its id, upright so
 * neighbouring flips do not overlap. Unchanged problems get none, which
 * keeps a 500-problem axis legible and the flips easy to find.
 */
function FlipTick({ x, y, payload, flips }: TickProps & { flips: Map<string, Flip> }) {
  const id = String(payload?.value ?? '');
  const flip = flips.get(id);
  if (flip !== 'fixed' && flip !== 'broken') return <g />;
  const [tx, ty] = [Number(x), Number(y) + 4];
  return (
    <text x={tx} y={ty} dy="0.35em" textAnchor="end" transform={`rotate(-90 ${tx} ${ty})`} fontSize={11} fill="#1d2330" className="recharts-cartesian-axis-tick-value">
      {id.length > LABEL_CHARS ? `${id.slice(0, LABEL_CHARS - 1)}…` : id}
    </text>
  );
}

/** One bar per problem, coloured by its flip, the flipped ones named on the axis, with a legend and a hover naming any problem. */
export function DeltaChart({ baseline, pruned }: { baseline: EvalReport; pruned: EvalReport }) {
  const data: Row[] = baseline.results.map((b, i) => {
    const flip = flipOf(b.correct, pruned.results[i].correct);
    return { id: b.id, delta: Number(pruned.results[i].correct) - Number(b.correct), flip };
  });
  const fixed = data.filter((d) => d.flip === 'fixed').length;
  const broken = data.filter((d) => d.flip === 'broken').length;
  const flips = new Map(data.map((d) => [d.id, d.flip]));
  return (
    <figure className="chart" aria-label="Per-problem change in correctness after pruning">
      <BarChart width={Math.max(320, 24 * data.length)} height={300} data={data} margin={{ top: 10, right: 10, bottom: 20, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="id"
          height={80}
          interval={0}
          tickLine={false}
          tick={(props: TickProps) => <FlipTick {...props} flips={flips} />}
          label={{ value: 'problem (flips named)', position: 'insideBottom', offset: -8 }}
        />
        <YAxis domain={[-1, 1]} ticks={[-1, 0, 1]} width={40} label={{ value: 'pruned − baseline', angle: -90, position: 'insideLeft', offset: 0, dy: 50 }} />
        <ReferenceLine y={0} stroke="#1d2330" />
        <Tooltip content={DeltaTooltip} />
        <Bar dataKey="delta" isAnimationActive={false} minPointSize={2}>
          {data.map((d) => (
            <Cell key={d.id} fill={FLIP_COLOURS[d.flip]} />
          ))}
        </Bar>
      </BarChart>
      <ChartLegend
        label="Delta chart legend"
        items={[
          { colour: FLIP_COLOURS.fixed, label: '+1: fixed (wrong → right)' },
          { colour: FLIP_COLOURS.broken, label: '−1: broken (right → wrong)' },
          { colour: FLIP_COLOURS['same-right'], label: '0: unchanged' },
        ]}
      />
      <figcaption data-testid="flips">
        {fixed} fixed (wrong to right), {broken} broken (right to wrong), {data.length - fixed - broken} unchanged
      </figcaption>
    </figure>
  );
}
