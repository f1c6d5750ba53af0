/**
 * The trained SPRINT selector kept in IndexedDB, one per model fingerprint,
 * so a reload keeps it. Read back through the same checks as an import.
 */
import type { SprintSelector } from '../engine/sprint/selectorFormat';
import { parseSelector } from '../engine/sprint/selectorFile';
import { perModelRecord } from './perModelRecord';

const selectors = perModelRecord('selector', (raw) => parseSelector(raw, 'saved selector'));

export const saveSelector = (selector: SprintSelector) => selectors.save(selector.model.fingerprint, selector);
export const loadSavedSelector = selectors.load;
export const forgetSelector = selectors.forget;
