/** Where the problems come from: a generated set (synthetic or mixed families), an imported GSM8K / MATH500 JSONL file, or a pasted question. */
import { useState } from 'react';
import { GENERATOR_NAMES, GENERATORS, MAX_GENERATED_PROBLEMS, type GeneratorName } from '../../engine/problems/generators';
import { useRunsStore } from '../../store/runsStore';
import { HUB_DATASETS, type HubDatasetName } from '../../engine/problems/hubDatasets';
import { FetchStatus } from './FetchStatus';
import { useBusyWith } from '../../store/busy';
import { useModelStore } from '../../store/modelStore';
import { domainWarning } from './problemFit';

export function ProblemSource() {
  const { spec, problems, sourceLabel, importErrors, moreImportErrors, fetching, setSpec, importJsonl, usePasted, loadHubDataset } = useRunsStore();
  const modelSource = useModelStore((s) => (s.info ? s.source : undefined));
  const domain = domainWarning(modelSource, problems);
  const [pasted, setPasted] = useState('');
  const [reference, setReference] = useState('');
  const general = importErrors.filter((e) => e.line === 0);
  const lineErrors = importErrors.filter((e) => e.line > 0);
  const busy = useBusyWith();
  const locked = busy === 'the sweep' || busy === 'the comparison' || busy === 'the SPRINT evaluation';
  const generator: GeneratorName = spec.generator ?? 'synthetic';
  const pickGenerator = (g: GeneratorName) => setSpec({ ...spec, generator: g === 'synthetic' ? undefined : g });
  const number = (raw: string, fallback: number) => (Number.isInteger(Number(raw)) && Number(raw) >= 0 ? Number(raw) : fallback);

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (file) await importJsonl(file);
  };

  return (
    // The set cannot change under a run that reads it: its results would be shown against other problems.
    <fieldset className="problem-source" disabled={locked}>
      <legend>Problems</legend>
      <div className="buttons">
        <label>
          Generator{' '}
          <select value={generator} onChange={(e) => pickGenerator(e.target.value as GeneratorName)}>
            {GENERATOR_NAMES.map((g) => (
              <option key={g} value={g}>
                {GENERATORS[g].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Seed <input type="number" min={0} value={spec.seed} onChange={(e) => setSpec({ ...spec, seed: number(e.target.value, spec.seed) })} />
        </label>
        <label>
          Problems <input type="number" min={1} max={MAX_GENERATED_PROBLEMS} value={spec.count} onChange={(e) => setSpec({ ...spec, count: Math.min(MAX_GENERATED_PROBLEMS, Math.max(1, number(e.target.value, spec.count))) })} />
        </label>
        <label>
          Level{' '}
          <select value={spec.level ?? ''} onChange={(e) => setSpec({ ...spec, level: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">mixed</option>
            {GENERATORS[generator].levels.map((l) => (
              <option key={l} value={l}>
                {l} step{l > 1 ? 's' : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="file-button">
          Import GSM8K / MATH500 JSONL <input type="file" accept=".jsonl,.json,.txt" onChange={(e) => void onFile(e.target)} />
        </label>
      </div>
      <div className="buttons">
        {(Object.keys(HUB_DATASETS) as HubDatasetName[]).map((name) => (
          <button key={name} type="button" disabled={!!fetching} onClick={() => void loadHubDataset(name, spec.count)}>
            First {spec.count} of {HUB_DATASETS[name].label} from the Hub
          </button>
        ))}
        {fetching && <FetchStatus label={fetching} />}
      </div>
      <div className="buttons">
        <label>
          Pasted question <input type="text" value={pasted} onChange={(e) => setPasted(e.target.value)} size={40} />
        </label>
        <label>
          Reference answer (optional) <input type="text" value={reference} onChange={(e) => setReference(e.target.value)} size={8} />
        </label>
        <button type="button" disabled={!pasted.trim()} onClick={() => usePasted(pasted, reference)}>
          Use this question
        </button>
      </div>
      <p className="meta" role="status" data-testid="problem-source">
        Using {sourceLabel}.
      </p>
      {domain && (
        <p className="warning" data-testid="problem-domain">
          {domain}
        </p>
      )}
      {general.map((e) => (
        <p key={e.message} role="alert" className="error">
          {e.message}
        </p>
      ))}
      {lineErrors.length > 0 && (
        <div role="alert" className="error">
          {lineErrors.length + moreImportErrors} line{lineErrors.length + moreImportErrors > 1 ? 's' : ''} not loaded
          {moreImportErrors ? ` (the first ${lineErrors.length} listed, and ${moreImportErrors} more)` : ''}:
          <ul aria-label="Lines not loaded">
            {lineErrors.map((e) => (
              <li key={e.line}>
                line {e.line}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
