/** While a model loads: what the seconds after the downloads are spent on. */
import { useModelStore } from '../../store/modelStore';

const STAGE_WORDS: Record<string, string> = {
  surgery: 'head-mask surgery on the ONNX graph',
  session: 'creating the onnxruntime session',
  'warm-up': 'warming up with one token',
};

/** The model store's current load step in words, or nothing when there is none (or an unknown one). */
export function LoadStage() {
  const stage = useModelStore((s) => s.stage);
  const words = stage ? STAGE_WORDS[stage] : undefined;
  if (!words) return null;
  return (
    <p data-testid="load-stage">
      <span className="spinner" aria-hidden="true" /> Preparing the model: {words}…
    </p>
  );
}
