"use client";

import type { AppConfig } from "@taskflow/contracts";
import { useApiData } from "./use-api-data";

/** GET /api/config: the public MCP URL and which assistant answers the chat. */
export function useConfig(): { config: AppConfig | null; error: string | null } {
  const { data, error } = useApiData<AppConfig>("/api/config");
  return { config: data, error };
}
