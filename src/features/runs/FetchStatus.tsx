/** What is being fetched from the Hub, with a spinner and the seconds so far, so a slow fetch never looks like nothing. */
import { useEffect, useState } from 'react';
import { DATASET_TIMEOUT_MS } from '../../engine/problems/hubDatasets';

/** The fetch of `label` under way, counting seconds from mount. */
export function FetchStatus({ label }: { label: string }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = performance.now();
    const timer = setInterval(() => setSeconds(Math.floor((performance.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [label]);
  return (
    <span role="status" data-testid="fetch-status">
      <span className="spinner" aria-hidden="true" /> Fetching {label}… {seconds} s (gives up after {DATASET_TIMEOUT_MS / 1000} s)
    </span>
  );
}
