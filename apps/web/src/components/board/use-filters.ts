"use client";

import { useEffect, useState } from "react";
import { DEFAULT_FILTERS, type Filters, isFiltered } from "./filters";

const SEARCH_DEBOUNCE_MS = 300;

/** The board's filters, with the search box debounced into them. */
export function useFilters() {
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const [search, setSearch] = useState("");

  useEffect(() => {
    const timer = setTimeout(
      () => setFilters((current) => (current.q === search ? current : { ...current, q: search })),
      SEARCH_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [search]);

  function clearFilters() {
    setSearch("");
    setFilters((current) => ({ ...DEFAULT_FILTERS, sort: current.sort }));
  }

  return { filters, setFilters, search, setSearch, filtered: isFiltered(filters), clearFilters };
}
