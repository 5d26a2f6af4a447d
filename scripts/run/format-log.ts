const LEVELS: Record<number, string> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO",
  40: "WARN",
  50: "ERROR",
  60: "FATAL",
};

/** Turns a pino JSON line into `INFO  message key=value…`; other lines pass through unchanged. */
export function formatLogLine(line: string): string {
  if (!line.startsWith("{")) return line;
  try {
    const { level, time, msg, pid, hostname, service, req, res, responseTime, reqId, ...rest } = JSON.parse(
      line,
    ) as Record<string, unknown>;
    const parts = [(LEVELS[Number(level)] ?? String(level ?? "")).padEnd(5), String(msg ?? "")];
    const request = req as { method?: string; url?: string } | undefined;
    if (request?.method) parts.push(`${request.method} ${request.url}`);
    const response = res as { statusCode?: number } | undefined;
    if (response?.statusCode)
      parts.push(
        `→ ${response.statusCode}${typeof responseTime === "number" ? ` ${responseTime.toFixed(1)}ms` : ""}`,
      );
    for (const [key, value] of Object.entries(rest))
      parts.push(`${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
    return parts.join(" ");
  } catch {
    return line;
  }
}
