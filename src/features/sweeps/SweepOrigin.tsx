/**
 * A sweep's results belong to its own problems and model file, which need
 * not be the ones on screen: say which they are, and never replace a sweep
 * without asking.
 */
import type { Problem } from '../../engine/problems/problem';
import type { SweepFile } from '../../engine/sweep/sweepSchema';

/** True when the sweep was run over exactly these problems, in this order. */
export function sweepCovers(file: SweepFile, problems: Problem[]): boolean {
  return file.problems.length === problems.length && file.problems.every((p, i) => p.id === problems[i].id && p.question === problems[i].question);
}

/** What the shown sweep was run on, and whether that is the problem set above. */
export function SweepOrigin({ file, problems }: { file: SweepFile; problems: Problem[] }) {
  const covers = sweepCovers(file, problems);
  return (
    <p className="meta" data-testid="sweep-origin">
      The sweep below ran over {file.problems.length} problem{file.problems.length === 1 ? '' : 's'} with {file.model.name}
      {covers ? ', the problems above.' : `, not the ${problems.length} problems above: its numbers describe its own problems.`}
    </p>
  );
}

/** Asks before a new sweep replaces one that holds results. */
export function ConfirmReplace({ file, count, onAnswer }: { file: SweepFile; count: number; onAnswer(replace: boolean): void }) {
  return (
    <div role="alertdialog" aria-label="Replace the sweep?" className="confirm">
      <p>
        A new sweep over the {count} problems above replaces the current one ({file.cells.length} cells over {file.problems.length} problems). Export it first
        to keep it.
      </p>
      <div className="buttons">
        <button type="button" onClick={() => onAnswer(true)}>
          Replace the sweep
        </button>
        <button type="button" onClick={() => onAnswer(false)}>
          Keep it
        </button>
      </div>
    </div>
  );
}
