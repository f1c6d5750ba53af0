/**
 * Which SPRINT selector is in use (shipped with the model, trained here, or
 * imported from a file) and what it was trained on, so a ranking can be
 * read knowing where it comes from. Also says why a shipped file was not used.
 */
import { ENCODER_LABELS, type SprintSelector } from '../../engine/sprint/selectorFormat';
import { useSprintStore, type SelectorSource } from '../../store/sprintStore';
import { originWords } from './selectorOrigin';

/** Where the selector came from, in words. */
export function originText(selector: SprintSelector, source: SelectorSource | undefined, restored: boolean): string {
  const made = originWords(source);
  if (source?.kind === 'shipped') return made!;
  const encoder = ENCODER_LABELS[selector.encoder];
  if (restored) return `${made ? `${made}, ` : ''}restored from this browser (${selector.trainIds.length} training questions, ${encoder})`;
  return source?.kind === 'trained' ? `trained here on ${selector.trainIds.length} questions with ${encoder}` : (made ?? 'in use');
}

/** How many questions it was trained on and from which problem set, as far as the file says. */
export function trainedOnText(selector: SprintSelector): string {
  const { trainedOn } = selector;
  const scored = selector.labels === 'answer' ? 'scored by right answers' : "scored by the reference solution's log-probability";
  if (!trainedOn) return `Trained on ${selector.trainIds.length} questions, ${scored}; the file does not say which problem set.`;
  return `Trained on ${trainedOn.count} questions (${trainedOn.problems}), ${scored}.`;
}

export function SelectorSummary() {
  const { selector, source, restored, seconds, shippedProblem } = useSprintStore();
  const kept = source?.kind === 'shipped' ? "it comes with the model's files; one you train or import takes its place" : 'kept in this browser for this model';
  return (
    <>
      {selector && (
        <>
          <p className="meta" data-testid="selector-origin">
            Selector {originText(selector, source, restored ?? false)} (temperature {selector.temperature}, k {selector.shape.k}, seed {selector.seed}); {kept}.
            {seconds ? ` Embedding took ${seconds.embed.toFixed(1)} s, training ${seconds.train.toFixed(1)} s.` : ''}
          </p>
          <p className="meta" data-testid="selector-trained-on">
            {trainedOnText(selector)}
          </p>
        </>
      )}
      {shippedProblem && (
        <p className="meta" data-testid="shipped-selector-problem">
          {shippedProblem}
        </p>
      )}
    </>
  );
}
