"use client";

// The one way a component loads data from the api: a GET (or any loader) that is aborted when the
// component goes away or a newer load replaces it, with the failure as a sentence a person can read.
import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from "react";
import { api, errorMessage } from "./api";

/** Loads the data; must give up when `signal` aborts. */
export type Loader<T> = (signal: AbortSignal) => Promise<T>;

export type ApiData<T> = {
  /** What the last successful load returned (kept while a newer load runs or after it fails). */
  data: T | null;
  /** Why the last load that settled failed, else null. Cleared when a load succeeds. */
  error: string | null;
  /** A load is running. */
  loading: boolean;
  /** Loads again (the same URL). */
  reload: () => void;
  /** Changes the data in place, for optimistic updates and "load more". */
  setData: Dispatch<SetStateAction<T | null>>;
};

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: string };

/**
 * Runs one load. Null when it was aborted (the component left, or a newer load replaced it): that is
 * not a failure to report, and its answer, if any, is stale.
 */
export async function settle<T>(load: Loader<T>, signal: AbortSignal): Promise<Outcome<T> | null> {
  try {
    const data = await load(signal);
    return signal.aborted ? null : { ok: true, data };
  } catch (error) {
    return signal.aborted ? null : { ok: false, error: errorMessage(error) };
  }
}

/** What a load is for: the URL and what else makes it load again. */
export type LoadRequest = { url: string | null; refreshKey: unknown; reloads: number };

/**
 * Whether the data shown is not yet the answer to `current`: true from the very render that asks for new
 * data (a new URL, refreshKey or reload) until that answer, or its failure, arrives. Set in the effect
 * instead, it was false for one render with the old data under the new URL (aria-busy, and a test
 * reading the rows then, saw stale rows as settled).
 */
export function isLoading(current: LoadRequest, settled: LoadRequest | null): boolean {
  if (current.url === null) return false;
  return (
    settled === null ||
    settled.url !== current.url ||
    !Object.is(settled.refreshKey, current.refreshKey) ||
    settled.reloads !== current.reloads
  );
}

type Options<T> = {
  /** How to load instead of `GET url` (the URL still names the data: a new URL loads again). */
  load?: Loader<T>;
  /** Loads again whenever this changes (e.g. a counter bumped when someone else changed the data). */
  refreshKey?: unknown;
};

/**
 * `GET url` (JSON, problem+json errors) when the component mounts and whenever `url` or `refreshKey`
 * changes; `url` null loads nothing. A newer load aborts the one still running.
 */
export function useApiData<T>(url: string | null, options: Options<T> = {}): ApiData<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [settled, setSettled] = useState<LoadRequest | null>(null);
  // The latest loader, so a loader written inline does not start a load on every render.
  const loader = useRef(options.load);
  loader.current = options.load;
  const { refreshKey } = options;

  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    const load = loader.current ?? ((signal: AbortSignal) => api<T>(url, { signal }));
    void settle(load, controller.signal).then((outcome) => {
      if (!outcome) return;
      if (outcome.ok) {
        setData(() => outcome.data);
        setError(null);
      } else {
        setError(outcome.error);
      }
      setSettled({ url, refreshKey, reloads });
    });
    return () => controller.abort();
  }, [url, refreshKey, reloads]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  const loading = isLoading({ url, refreshKey, reloads }, settled);
  return { data, error, loading, reload, setData };
}
