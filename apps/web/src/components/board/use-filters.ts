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
  const params = useSearchParams();
  const query = params.toString();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(query)), [query]);
  const [search, setSearch] = useState(filters.q);
  const typed = useRef(false);

  const go = useCallback(
    (next: Filters, replace = false) => {
      const href = `${pathname}${searchFromFilters(next)}` || "/";
      if (replace) router.replace(href, { scroll: false });
      else router.push(href, { scroll: false });
    },
    [pathname, router],
  );

  // Back/forward (or a link) changed q: show it in the box.
  useEffect(() => {
    if (!typed.current) setSearch(filters.q);
  }, [filters.q]);

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
    go({ ...DEFAULT_FILTERS, view: filters.view, sort: filters.sort });
  }

  return {
    filters,
    setFilters: (next: Filters) => go(next),
    hrefFor: (next: Filters) => `${pathname}${searchFromFilters(next)}` || "/",
    search,
    setSearch: onSearch,
    filtered: isFiltered(filters),
    clearFilters,
  };
}
