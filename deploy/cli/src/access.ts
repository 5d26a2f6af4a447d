// How the browser (and MCP clients) reach the app, and the matching chart values. Sign-in cookies
// are bound to one public URL (`publicUrl` → BETTER_AUTH_URL) plus `trustedOrigins`, so the URL
// the user is told to open must be exactly one of them: each access mode sets both explicitly.
//   ingress       https://<host> through ingress-nginx (default host taskflow.test, set with --host)
//   nodeport      http://<minikube ip>:<nodePort> (Linux, or a VM driver whose node IP is reachable)
//   port-forward  http://localhost:<port> through `npm run k8s -- open`
// The web server proxies /api/* to the api but not /mcp (apps/web/src/app/api/[...path]), so
// without the ingress MCP clients need a port-forward of the mcp Service, which `open` also runs.
import type { Ctx, Options } from "./context";
import { DEFAULT_MCP_PORT, DEFAULT_WEB_PORT } from "./context";

export interface AccessValues {
  publicUrl: string;
  mcpPublicUrl: string;
  trustedOrigins: string[];
  /** helm flags (`--set-string k=v`, `--set k=<number>`). */
  args: string[];
}

export function accessValues(opts: Options, minikubeIp: string | undefined): AccessValues {
  const port = opts.port ?? DEFAULT_WEB_PORT;
  const local = `http://localhost:${port}`;
  const nodePortOrigin = minikubeIp ? `http://${minikubeIp}:${opts.nodePort}` : undefined;
  // Without the ingress, MCP clients reach the mcp Service through `open`'s second port-forward.
  const forwardedMcp = `http://localhost:${opts.mcpPort ?? DEFAULT_MCP_PORT}/mcp`;
  const strings: string[] = [];
  let publicUrl: string;
  let mcpPublicUrl: string;
  let origins: (string | undefined)[];
  switch (opts.access) {
    case "ingress":
      publicUrl = `https://${opts.host}`;
      mcpPublicUrl = `${publicUrl}/mcp`;
      strings.push(`ingress.host=${opts.host}`);
      if (opts.tlsSecret) strings.push(`ingress.tls.secretName=${opts.tlsSecret}`);
      // `open` and `minikube service --url` keep working next to the ingress.
      origins = [local, nodePortOrigin];
      break;
    case "nodeport":
      if (!nodePortOrigin) throw new Error("`minikube ip` gave no address: cannot build the NodePort URL");
      publicUrl = nodePortOrigin;
      mcpPublicUrl = forwardedMcp;
      origins = [publicUrl, local];
      break;
    case "port-forward":
      publicUrl = local;
      mcpPublicUrl = forwardedMcp;
      origins = [publicUrl];
      break;
  }
  strings.push(`publicUrl=${publicUrl}`, `mcp.publicUrl=${mcpPublicUrl}`);
  const trustedOrigins = [...new Set(origins.filter((o): o is string => !!o))];
  trustedOrigins.forEach((o, i) => {
    strings.push(`trustedOrigins[${i}]=${o}`);
  });
  // The web Service is a NodePort in every mode (as in values-dev.yaml), on a known port.
  strings.push("web.service.type=NodePort");
  return {
    publicUrl,
    mcpPublicUrl,
    trustedOrigins,
    args: [
      ...strings.flatMap((kv) => ["--set-string", kv]),
      "--set",
      `web.service.nodePort=${opts.nodePort}`,
    ],
  };
}

/** Refuses an access mode that cannot work on this machine, before anything is installed. */
export function checkAccess(opts: Options, driver: string): void {
  if (opts.access === "nodeport" && opts.platform !== "linux" && driver === "docker")
    throw new Error(
      `--access nodeport: with the Docker driver on ${opts.platform === "darwin" ? "macOS" : "Windows"} the node IP is not reachable from this machine ` +
        "(`minikube service --url` only works through a tunnel on a random port). Use `--access port-forward` " +
        "(then `npm run k8s -- open`) or the default ingress with `minikube tunnel`.",
    );
}

export function mdnsWarning(opts: Options): string | undefined {
  if (opts.access === "ingress" && opts.host.endsWith(".local") && opts.platform === "darwin")
    return `${opts.host}: macOS resolves .local names by mDNS (Bonjour), so lookups stall or fail even with a hosts entry; prefer a .test name (the default, taskflow.test) or <ip>.nip.io.`;
  return undefined;
}

/** Where to point the browser and MCP clients, with the platform's extra steps. */
export function accessHints(ctx: Ctx): string[] {
  const { opts, facts } = ctx;
  // `npm run k8s -- open` for this release (flags only when not the defaults).
  const open = `npm run k8s -- open${opts.release !== "taskflow" ? ` --release ${opts.release}` : ""}${
    opts.namespace !== "taskflow" ? ` --namespace ${opts.namespace}` : ""
  }`;
  const ip = facts.minikubeIp || "$(minikube ip)";
  const ns = opts.namespace;
  const web = facts.webService ?? "<release>-web";
  const mcp = facts.mcpService;
  const lines: string[] = [];
  const mcpForward = mcp
    ? `kubectl port-forward -n ${ns} svc/${mcp} ${opts.mcpPort ?? DEFAULT_MCP_PORT}:${facts.mcpServicePort ?? DEFAULT_MCP_PORT}`
    : undefined;
  if (opts.access === "port-forward") {
    const port = opts.port ?? DEFAULT_WEB_PORT;
    lines.push(`Open the app: ${open}   (forwards http://localhost:${port})`);
    if (mcp)
      lines.push(
        `MCP clients: ${facts.mcpPublicUrl} while \`${open}\` runs (it forwards svc/${mcp} too: the web proxies /api, not /mcp).`,
      );
    return lines;
  }
  if (opts.access === "nodeport") {
    lines.push(`Open the app: ${facts.publicUrl}`);
    lines.push(`  (the NodePort of svc/${web}; \`minikube service ${web} -n ${ns} --url\` prints it too)`);
    if (mcpForward)
      lines.push(
        `MCP clients: ${facts.mcpPublicUrl} through \`${open}\` or ${mcpForward} (the NodePort serves the web, which proxies /api, not /mcp).`,
      );
    return lines;
  }
  lines.push(`Open the app: https://${opts.host}   (self-signed certificate: accept it once in the browser)`);
  if (opts.platform === "linux") {
    lines.push(`  add to /etc/hosts:  ${ip} ${opts.host}`);
  } else {
    const hosts =
      opts.platform === "win32"
        ? "C:\\Windows\\System32\\drivers\\etc\\hosts (as Administrator)"
        : "/etc/hosts";
    lines.push(
      "  1. keep `minikube tunnel` running in another terminal (the Docker driver hides the node IP)",
    );
    lines.push(`  2. add to ${hosts}:  127.0.0.1 ${opts.host}`);
  }
  lines.push(`MCP endpoint: https://${opts.host}/mcp (personal token from the Tokens page).`);
  if (!opts.tlsSecret)
    lines.push(
      "  MCP clients (Claude Desktop, Cursor, Node) reject a self-signed certificate. Trust one made with mkcert:",
      `    mkcert -install && mkcert ${opts.host}`,
      `    kubectl -n ${ns} create secret tls ${opts.host}-mkcert --cert=${opts.host}.pem --key=${opts.host}-key.pem`,
      `    npm run k8s -- up --tls-secret ${opts.host}-mkcert`,
      '  Node-based clients (mcp-remote, the MCP Inspector) ignore the system store: also export NODE_EXTRA_CA_CERTS="$(mkcert -CAROOT)/rootCA.pem".',
    );
  lines.push(
    `Also trusted for sign-in: http://localhost:${opts.port ?? DEFAULT_WEB_PORT} (\`${open}\`)` +
      (facts.minikubeIp
        ? ` and http://${facts.minikubeIp}:${opts.nodePort} (NodePort of svc/${web}, Linux)`
        : ""),
  );
  lines.push("No hosts edit? `npm run k8s -- up --access port-forward` then `npm run k8s -- open`.");
  return lines;
}
