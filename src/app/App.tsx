import { ModelPanel } from '../features/model/ModelPanel';
import { SolvePanel } from '../features/solve/SolvePanel';
import { HeadGrid } from '../features/heads/HeadGrid';
import { RunPanel } from '../features/runs/RunPanel';
import { SweepPanel } from '../features/sweeps/SweepPanel';
import { SprintPanel } from '../features/sprint/SprintPanel';
import { TeachPanel } from '../features/teach/TeachPanel';
import { AttentionPanel } from '../features/attention/AttentionPanel';
import { TruncatePanel } from '../features/truncate/TruncatePanel';
import { useUrlSync } from './useUrlSync';
import { StartPanel } from '../features/start/StartPanel';

export function App() {
  useUrlSync();

  return (
    <main>
      <header>
        <h1>HeadLab</h1>
        <p>Prune attention heads of a language model and watch its arithmetic reasoning change, all in your browser.</p>
      </header>
      <StartPanel />
      <ModelPanel />
      <HeadGrid />
      <AttentionPanel />
      <SolvePanel />
      <RunPanel />
      <SweepPanel />
      <TruncatePanel />
      <SprintPanel />
      <TeachPanel />
    </main>
  );
}
