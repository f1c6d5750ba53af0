/**
 * The SPRINT selector shipped beside a bundled model
 * (public/models/<folder>/sprint-selector.json), so that a question can be
 * ranked before any sweep. A model without one is normal: no file means no
 * selector and no error. A file for another model file is refused with the
 * reason, which the SPRINT panel shows.
 */
import { SHIPPED_SELECTOR_FILE } from '../engine/model/bundledModels';
import { checkSelectorFor, type ModelIdentity, type SprintSelector } from '../engine/sprint/selectorFormat';
import { parseSelector } from '../engine/sprint/selectorFile';

/** The shipped selector, or why the shipped file was not used; neither when there is none. */
export interface ShippedLookup {
  selector?: SprintSelector;
  problem?: string;
}

/** The shipped selector's address for a bundled folder, beside the model's own files. */
export function shippedSelectorUrl(folder: string): string {
  return new URL(`${import.meta.env.BASE_URL}models/${folder}/${SHIPPED_SELECTOR_FILE}`, location.href).href;
}

/** Fetches and checks the selector shipped with the bundled model in `folder` for the loaded `model`. */
export async function fetchShippedSelector(folder: string, model: ModelIdentity): Promise<ShippedLookup> {
  const where = `${folder}/${SHIPPED_SELECTOR_FILE}`;
  let res: Response;
  try {
    // Asking for JSON: a single-page-app server answers a missing file with its index page otherwise.
    res = await fetch(shippedSelectorUrl(folder), { headers: { accept: 'application/json' } });
  } catch (err) {
    return { problem: `The selector shipped with this model could not be fetched (${(err as Error).message}).` };
  }
  if (res.status === 404 || !/json/.test(res.headers.get('content-type') ?? '')) return {};
  if (!res.ok) return { problem: `The selector shipped with this model could not be fetched (HTTP ${res.status}).` };
  try {
    const selector = parseSelector(await res.json(), where);
    checkSelectorFor(selector, model);
    return { selector };
  } catch (err) {
    return { problem: `The selector shipped with this model (${where}) was not used: ${(err as Error).message}` };
  }
}
