/**
 * The frame every list of saved work shares (sweeps, selectors,
 * evaluations): folded under a line that counts them, one table row per
 * record. Empty lists show nothing.
 */
import type { ReactNode } from 'react';

/** When a record was saved, in the reader's locale; "earlier" for one saved before times were kept. */
export function savedWhen(savedAt: number): string {
  return savedAt ? new Date(savedAt).toLocaleString() : 'earlier';
}

interface SavedListProps {
  /** The table's accessible name, e.g. "Saved sweeps". */
  label: string;
  /** What one record is called, singular ("sweep"). */
  noun: string;
  count: number;
  columns: string[];
  children: ReactNode;
}

/** A folded table of saved records, counted in its summary line. */
export function SavedList({ label, noun, count, columns, children }: SavedListProps) {
  if (count === 0) return null;
  return (
    <details className="saved-sweeps">
      <summary>
        {count} {noun}
        {count > 1 ? 's' : ''} saved in this browser for this model
      </summary>
      <table className="results" aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </details>
  );
}
