"use client";

import { useEffect, useState } from "react";
import { api } from "./api";

export type AppConfig = { mcp_url: string; assistant: "offline" | "llm" };

/** GET /api/config: the public MCP URL and which assistant answers the chat. */
export function useConfig(): { config: AppConfig | null; error: string | null } {
  const [config, setConfig] = useState<AppConfig | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api<AppConfig>("/api/config", { signal: controller.signal })
      .then(setConfig)
      .catch((caught: unknown) => {
        if (!controller.signal.aborted)
          setError(caught instanceof Error ? caught.message : "Could not load settings.");
      });
    return () => controller.abort();
  }, []);
  return { config, error };
}
