/** Where a SPRINT selector came from, in the words every SPRINT view uses. */
import type { SelectorSource } from '../../store/sprintStore';

/** "shipped with the model", "trained here" or "imported from FILE"; undefined when the source was not recorded. */
export function originWords(source: SelectorSource | undefined): string | undefined {
  if (!source) return undefined;
  if (source.kind === 'shipped') return 'shipped with the model';
  return source.kind === 'trained' ? 'trained here' : `imported from ${source.file}`;
}
