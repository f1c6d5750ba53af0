/**
 * Reads the view from the URL once (model, pruned heads, problem set, question), then
 * keeps the URL in step with the stores so the address bar is a shareable link.
 */
import { useEffect } from 'react';
import { useHeadsStore, prunedHeads } from '../store/headsStore';
import { backendFromUrl, useModelStore } from '../store/modelStore';
import { useRunsStore } from '../store/runsStore';
import { readUrlView, writeUrlView } from '../store/urlState';
import { useSolveStore } from '../store/solveStore';
import { useLinkStore } from '../store/linkStore';
import { bundledModel } from '../engine/model/bundledModels';
import type { ModelSource } from '../engine/model/modelSource';

/**
 * A bundled model's own generator for the generated problem set, so that the
 * mix model is asked mix questions; other models keep the set as it is.
 */
function askOwnKind(source: ModelSource | undefined): void {
  const kind = source?.kind === 'bundled' ? bundledModel(source.name)?.problems : undefined;
  const runs = useRunsStore.getState();
  if (!kind || !runs.generated || (runs.spec.generator ?? 'synthetic') === kind) return;
  runs.setSpec({ ...runs.spec, generator: kind === 'synthetic' ? undefined : kind });
}

let started = false;

/** How long the URL waits after the last change before it is rewritten. */
const URL_WRITE_DELAY_MS = 100;

export function useUrlSync(): void {
  useEffect(() => {
    // Once per page: React's development double-run of effects must not load the model twice.
    if (started) return;
    started = true;
    const initial = readUrlView(location.search);
    if (initial.spec) useRunsStore.getState().setSpec(initial.spec);
    else askOwnKind(initial.source);
    if (initial.question) useSolveStore.getState().setQuestion(initial.question);
    if (initial.ignored) useLinkStore.getState().setIgnored(initial.ignored);
    let applied = false;
    const write = () => {
      const { source, backend } = useModelStore.getState();
      const { pruned, numHeads } = useHeadsStore.getState();
      const { spec, generated } = useRunsStore.getState();
      const { question } = useSolveStore.getState();
      const search = writeUrlView(location.search, { source: source ?? initial.source, prune: prunedHeads(pruned, numHeads), spec: generated ? spec : undefined, backend, question });
      if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
    };
    // history.replaceState costs a head toggle several ms of its frame (the browser
    // process handles it too), so a burst of changes rewrites the URL once, after it ends.
    let pending: ReturnType<typeof setTimeout> | undefined;
    const writeSoon = () => {
      clearTimeout(pending);
      pending = setTimeout(write, URL_WRITE_DELAY_MS);
    };
    addEventListener('pagehide', () => {
      if (pending !== undefined) write();
    });
    // Subscriptions live as long as the page.
    useModelStore.subscribe((s, before) => {
      if (s.source !== before.source && s.source !== undefined && before.source !== undefined) askOwnKind(s.source);
      // The pruning in the link applies once the grid has the model's shape.
      if (s.status === 'ready' && !applied) {
        applied = true;
        useHeadsStore.getState().setPruned(initial.prune);
      }
      writeSoon();
    });
    useHeadsStore.subscribe(writeSoon);
    useRunsStore.subscribe(writeSoon);
    useSolveStore.subscribe((s, before) => s.question !== before.question && writeSoon());
    void useModelStore.getState().load(initial.source, backendFromUrl(location.search));
  }, []);
}
