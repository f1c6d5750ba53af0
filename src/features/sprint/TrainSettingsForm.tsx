/**
 * The selector's training settings: InfoNCE temperature, embedding size k,
 * epochs and seed. The same settings and seed train the same selector.
 */
import { useSprintStore, type TrainSettings } from '../../store/sprintStore';

const FIELDS: { key: keyof TrainSettings; label: string; min: number; max: number; step: number }[] = [
  { key: 'temperature', label: 'Temperature', min: 0.01, max: 10, step: 0.01 },
  { key: 'k', label: 'Embedding size k', min: 2, max: 256, step: 1 },
  { key: 'epochs', label: 'Epochs', min: 1, max: 1000, step: 1 },
  { key: 'seed', label: 'Seed', min: 0, max: 2 ** 31 - 1, step: 1 },
];

export function TrainSettingsForm({ disabled }: { disabled: boolean }) {
  const settings = useSprintStore((s) => s.settings);
  const setSettings = useSprintStore((s) => s.setSettings);
  return (
    <details>
      <summary>Training settings</summary>
      <div className="buttons">
        {FIELDS.map(({ key, label, min, max, step }) => (
          <label key={key}>
            {label}{' '}
            <input
              type="number"
              min={min}
              max={max}
              step={step}
              value={settings[key]}
              disabled={disabled}
              onChange={(e) => {
                const v = Number(e.target.value);
                // Out-of-range or empty input keeps the last valid value rather than training on nonsense.
                if (Number.isFinite(v) && v >= min && v <= max && (step < 1 || Number.isInteger(v))) setSettings({ [key]: v });
              }}
            />
          </label>
        ))}
      </div>
    </details>
  );
}
