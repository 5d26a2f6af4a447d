"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { DEFAULT_FILTERS, type Filters, filtersFromSearch, isFiltered, searchFromFilters } from "./filters";

const SEARCH_DEBOUNCE_MS = 300;

/**
 * The board's view, filters and sort, kept in the URL's search params: a reload keeps them, and each
 * change is a history entry (back and forward move between them). The search box is debounced into
 * the URL, replacing the entry while typing rather than adding one per keystroke.
 */
export function useFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const fromUrl = useMemo(() => filtersFromSearch(new URLSearchParams(query)), [query]);
  // What the board shows changes at once; the URL follows (router navigation is asynchronous, and a
  // second change made before it lands must build on the first, not on the URL's older value).
  const [filters, setLocal] = useState<Filters>(fromUrl);
  const pushed = useRef<string[]>([]);
  const latest = useRef(filters);
  const [search, setSearch] = useState(fromUrl.q);
  const typed = useRef(false);

  // The URL changed: our own navigation arriving (already shown), or back/forward or a link (adopt it).
  useEffect(() => {
    const arrived = searchFromFilters(fromUrl);
    const index = pushed.current.indexOf(arrived);
    if (index !== -1) {
      pushed.current = pushed.current.slice(index + 1);
      return;
    }
    pushed.current = [];
    latest.current = fromUrl;
    setLocal(fromUrl);
    if (!typed.current) setSearch(fromUrl.q);
  }, [fromUrl]);

  const go = useCallback(
    (next: Filters, replace = false) => {
      const search = searchFromFilters(next);
      if (search === searchFromFilters(latest.current)) return;
      latest.current = next;
      setLocal(next);
      pushed.current.push(search);
      const href = `${pathname}${search}`;
      if (replace) router.replace(href, { scroll: false });
      else router.push(href, { scroll: false });
    },
    [pathname, router],
  );

  useEffect(() => {
    if (!typed.current) return;
    const timer = setTimeout(() => {
      typed.current = false;
      if (search.trim() !== filters.q.trim()) go({ ...filters, q: search }, filters.q.trim() !== "");
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, filters, go]);

  const onSearch = useCallback((text: string) => {
    typed.current = true;
    setSearch(text);
  }, []);

  function clearFilters() {
    typed.current = false;
    setSearch("");
    go({ ...DEFAULT_FILTERS, view: filters.view, sort: filters.sort, list: filters.list });
  }

  return {
    filters,
    setFilters: (next: Filters) => {
      if (next.q !== filters.q) {
        typed.current = false;
        setSearch(next.q);
      }
      go(next);
    },
    hrefFor: (next: Filters) => `${pathname}${searchFromFilters(next)}`,
    search,
    setSearch: onSearch,
    filtered: isFiltered(filters),
    clearFilters,
  };
}
