/**
 * Sweeps saved in IndexedDB as their cells arrive, one per model
 * fingerprint, so a reload or a closed tab resumes from what was saved.
 */
import { validateSweepFile, type SweepFile } from '../engine/sweep/sweepSchema';
import { perModelRecord } from './perModelRecord';

const sweeps = perModelRecord('sweep', (raw) => validateSweepFile(raw, 'saved sweep'));

export const saveSweep = (file: SweepFile) => sweeps.save(file.model.fingerprint, file);
export const loadSavedSweep = sweeps.load;
export const forgetSweep = sweeps.forget;
