// What every command shares: the options parsed from the command line, the context the steps run
// in, and small helpers. Nothing here spawns processes itself, so tests run the same plans against
// fake docker/minikube/helm/kubectl executables.
import { join } from "node:path";
import type { Runner } from "./runner";

export const SERVICES = ["web", "api", "mcp"] as const;
export type Service = (typeof SERVICES)[number];
/** Components `logs` can show (app.kubernetes.io/component values of the chart). */
export const LOG_COMPONENTS = ["web", "api", "mcp", "postgresql", "migrate", "test"] as const;

export type Access = "ingress" | "nodeport" | "port-forward";
export const ACCESS_MODES: readonly Access[] = ["ingress", "nodeport", "port-forward"];

/** Default ingress host: `.test` is reserved (RFC 2606) and, unlike `.local`, never goes to mDNS. */
export const DEFAULT_HOST = "taskflow.test";
export const DEFAULT_WEB_PORT = 3000;
export const DEFAULT_MCP_PORT = 8080;
export const DEFAULT_NODE_PORT = 30080;

export interface Options {
  repoRoot: string;
  release: string;
  namespace: string;
  /** Image tag (content hash of the sources). */
  tag: string;
  platform: NodeJS.Platform;
  runHelmTest: boolean;
  deleteData: boolean;
  /** How the browser reaches the app; publicUrl and trusted origins follow it. */
  access: Access;
  /** Ingress host (access ingress). */
  host: string;
  /** Local port of the web port-forward; undefined for `open`: the release's own. */
  port?: number;
  /** Local port of the mcp port-forward; undefined for `open`: the release's own. */
  mcpPort?: number;
  nodePort: number;
  /** kubernetes.io/tls Secret for the ingress (e.g. made with mkcert); empty: self-signed. */
  tlsSecret?: string;
  /** `minikube start --cni`; empty: Minikube's default (does not enforce NetworkPolicies). */
  cni: string;
  cpus?: number;
  memoryMiB?: number;
  /** Pause between retries (ingress controller not there yet, webhook not ready). */
  retryDelayMs: number;
  log: (line: string) => void;
}

export interface Ctx {
  runner: Runner;
  opts: Options;
  /** Facts collected along the way (tool versions, minikube ip, driver...). */
  facts: Record<string, string>;
}

export const chartPath = (o: Options) => join(o.repoRoot, "deploy/helm/taskflow");
export const imageRef = (service: Service, tag: string) => `taskflow-${service}:${tag}`;

export function firstLine(text: string): string {
  return text.trim().split("\n")[0]?.trim() ?? "";
}

export function tail(text: string, lines = 40): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
