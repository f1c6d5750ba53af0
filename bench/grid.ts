/**
 * Head-grid responsiveness at 28 x 16 heads (Qwen2.5-Math-1.5B's shape) in
 * Chromium, over 200 toggles. Each toggle is a mouse click as the page sees
 * it, in the two tasks a real click arrives in:
 *   press:   pointerdown, mousedown and the focus a pressed button takes;
 *   release: pointerup, mouseup and click, which toggles the head.
 * Each is timed from its first event to React's commit (in a microtask
 * queued during the events) plus the style and layout that reading
 * offsetHeight forces; paint is not included. Target: at most 16 ms each,
 * so a toggle fits in one 60 Hz frame.
 * The same spans' main-thread CPU time, from a Chromium trace, tells the
 * page's own work apart from time the core spent on other processes.
 * usage: npm run build && npx tsx bench/grid.ts   (serves dist/ itself)
 */
import { loadavg } from 'node:os';
import type { CDPSession } from '@playwright/test';
import { withAppInBrowser } from './appInBrowser';
import { machineDescription, report } from './benchTable';

const TOGGLES = 200;
const LAYERS = 28;
const HEADS = 16;
type Phase = 'press' | 'release';
const PHASES: Phase[] = ['press', 'release'];

interface TraceEvent {
  name: string;
  /** Wall clock and thread (CPU) clock, in microseconds. */
  ts: number;
  tts?: number;
}

/** The main thread's CPU milliseconds between each `<phase>:start` and `<phase>:end` mark. */
function markedCpu(phase: Phase, events: TraceEvent[]): number[] {
  const at = (name: string) => events.filter((e) => e.name === name).sort((a, b) => a.ts - b.ts);
  const starts = at(`${phase}:start`);
  const ends = at(`${phase}:end`);
  if (starts.length !== TOGGLES || ends.length !== TOGGLES || starts.some((s) => s.tts === undefined)) throw new Error(`the trace lacks ${phase} marks`);
  return starts.map((s, i) => (ends[i].tts! - s.tts!) / 1000);
}

async function readTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const handle = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle });
    text += chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const trace = JSON.parse(text);
  return Array.isArray(trace) ? trace : trace.traceEvents;
}

const load = loadavg()[0];
await withAppInBrowser(4319, async (page) => {
  await page.evaluate(([l, h]) => (window as unknown as { headlabBench: { resizeGrid(l: number, h: number): void } }).headlabBench.resizeGrid(l, h), [LAYERS, HEADS]);
  await page.getByRole('button', { name: `layer ${LAYERS - 1} head ${HEADS - 1}`, exact: true }).waitFor();
  const cdp = await page.context().newCDPSession(page);
  // Only the marks: tts on each gives the main thread's CPU clock.
  await cdp.send('Tracing.start', { categories: 'blink.user_timing', transferMode: 'ReturnAsStream' });
  const wall = await page.evaluate(
    async ([toggles, layers, heads]) => {
      const out = { press: [] as number[], release: [] as number[] };
      for (let i = 0; i < toggles; i++) {
        const cell = document.querySelector<HTMLButtonElement>(`[data-cell="${i % layers}.${(i * 7) % heads}"]`)!;
        const box = cell.getBoundingClientRect();
        const init = { bubbles: true, cancelable: true, composed: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2, button: 0 };
        const pointer = { ...init, pointerId: 1, pointerType: 'mouse', isPrimary: true };
        const before = cell.getAttribute('aria-pressed');
        for (const phase of ['press', 'release'] as const) {
          await new Promise((r) => requestAnimationFrame(r));
          performance.mark(`${phase}:start`);
          const t = performance.now();
          if (phase === 'press') {
            cell.dispatchEvent(new PointerEvent('pointerdown', { ...pointer, buttons: 1 }));
            cell.dispatchEvent(new MouseEvent('mousedown', { ...init, buttons: 1 }));
            // A mouse press focuses the button; a visible cell is not scrolled to.
            cell.focus({ preventScroll: true });
          } else {
            cell.dispatchEvent(new PointerEvent('pointerup', pointer));
            cell.dispatchEvent(new MouseEvent('mouseup', init));
            cell.click();
          }
          // React commits a discrete event's update in a microtask queued during the events.
          await new Promise((r) => queueMicrotask(() => r(null)));
          void document.body.offsetHeight;
          out[phase].push(performance.now() - t);
          performance.mark(`${phase}:end`);
          if ((cell.getAttribute('aria-pressed') !== before) !== (phase === 'release')) throw new Error(`the ${phase} did not leave the cell as a click should`);
        }
      }
      return out;
    },
    [TOGGLES, LAYERS, HEADS],
  );
  const events = await readTrace(cdp);
  const at = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))].toFixed(1);
  const rows = [];
  for (const phase of PHASES) {
    const cpu = markedCpu(phase, events);
    rows.push({
      grid: `${LAYERS} x ${HEADS}`,
      phase,
      toggles: TOGGLES,
      'median ms': at(wall[phase], 0.5),
      'p95 ms': at(wall[phase], 0.95),
      'max ms': Math.max(...wall[phase]).toFixed(1),
      'cpu median ms': at(cpu, 0.5),
      'cpu p95 ms': at(cpu, 0.95),
      'cpu max ms': Math.max(...cpu).toFixed(1),
    });
  }
  report({
    name: 'grid',
    command: 'npm run build && npx tsx bench/grid.ts',
    machine: `${machineDescription()}, headless Chromium`,
    date: new Date().toISOString(),
    rows,
    notes: [
      'press: pointerdown, mousedown, focus; release: pointerup, mouseup, click (the toggle)',
      'each through React commit, style and layout; paint is not included',
      'cpu: the main thread CPU time of the same span; wall time well above it is time the core ran other processes',
      `1-minute load average at start: ${load.toFixed(1)}`,
    ],
  });
});
