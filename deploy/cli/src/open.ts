// `open`: port-forward the web Service (the app, with /api proxied) and the mcp Service (the web
// does not proxy /mcp), found by labels. The local web port defaults to the one in the release's
// public URL, so it matches what `up --access port-forward --port N` configured for sign-in.
import { type Ctx, DEFAULT_MCP_PORT, DEFAULT_WEB_PORT } from "./context";
import { findConfig, findService, httpPort, notInstalled } from "./lookup";
import type { Step } from "./runner";

export function openPlan(): Step<Ctx>[] {
  return [
    {
      title: "Port-forward the web and mcp services (Ctrl+C to stop)",
      fix: "Port busy? Use --port / --mcp-port. Sign-in needs that URL as publicUrl: `npm run k8s -- up --access port-forward --port <port>`.",
      async action(ctx) {
        const { runner, opts } = ctx;
        const web = await findService(ctx, "web");
        if (!web) throw notInstalled(opts, "web Service");
        const mcp = await findService(ctx, "mcp");
        const config = (await findConfig(ctx))?.data ?? {};
        const publicUrl = config.BETTER_AUTH_URL ?? "";
        const origins = [publicUrl, ...(config.BETTER_AUTH_TRUSTED_ORIGINS ?? "").split(",")].filter(Boolean);
        const fromRelease = /^http:\/\/localhost:(\d+)$/.exec(publicUrl)?.[1];
        const port = opts.port ?? (fromRelease ? Number(fromRelease) : DEFAULT_WEB_PORT);
        // Likewise the mcp port: MCP_PUBLIC_URL is http://localhost:<port>/mcp without the ingress.
        const mcpFromRelease = /^http:\/\/localhost:(\d+)\/mcp$/.exec(config.MCP_PUBLIC_URL ?? "")?.[1];
        const mcpPort = opts.mcpPort ?? (mcpFromRelease ? Number(mcpFromRelease) : DEFAULT_MCP_PORT);
        const url = `http://localhost:${port}`;
        opts.log(`      open ${url}`);
        if (publicUrl && !origins.includes(url))
          opts.log(
            `      ! ${url} is not the release's public URL (${publicUrl}) nor a trusted origin: sign-in will fail with "invalid origin". ` +
              `Use \`npm run k8s -- up --access port-forward --port ${port}\` to make it one.`,
          );
        // Both run until Ctrl+C. If the web forward fails (port busy, pod gone), the mcp one is
        // stopped with it; if only the mcp one fails, the app stays reachable and a line says so.
        const stop = new AbortController();
        const webForward = runner
          .run(
            "kubectl",
            [
              "port-forward",
              "--namespace",
              opts.namespace,
              `svc/${web.metadata.name}`,
              `${port}:${httpPort(web).port}`,
            ],
            { inherit: true, signal: stop.signal },
          )
          .catch((error: unknown) => {
            stop.abort();
            throw error;
          });
        const forwards: Promise<unknown>[] = [webForward];
        if (mcp) {
          opts.log(`      MCP clients: http://localhost:${mcpPort}/mcp`);
          const mcpArgs = [
            "port-forward",
            "--namespace",
            opts.namespace,
            `svc/${mcp.metadata.name}`,
            `${mcpPort}:${httpPort(mcp).port}`,
          ];
          forwards.push(
            runner
              .run("kubectl", mcpArgs, { inherit: true, allowFailure: true, signal: stop.signal })
              .then((r) => {
                if (r.code !== 0 && !stop.signal.aborted)
                  opts.log(
                    `      ! the mcp port-forward ended (exit ${r.code}); port ${mcpPort} busy? Use --mcp-port.`,
                  );
              }),
          );
        }
        await Promise.all(forwards);
        return undefined;
      },
    },
  ];
}
