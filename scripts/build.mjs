// Compiles the server into dist/ with esbuild (decision 100): one bundle of src/main.ts with
// packages left as imports, plus the files it reads beside itself (stylesheets, scripts and
// migrations). `npm start` runs it when dist/ is missing or older than the sources, so a
// fresh clone still starts with one command; `npm run dev` keeps running the sources.
import {
  cpSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".built");

/** The newest modification time among the files a build reads. */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const s = statSync(path);
    if (s.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (s.mtimeMs > newest) {
      newest = s.mtimeMs;
    }
  };
  for (const path of ["src", "package.json", "package-lock.json", "tsconfig.json"]) {
    visit(join(ROOT, path));
  }
  return newest;
}

export function isStale() {
  try {
    return statSync(STAMP).mtimeMs < newestSource();
  } catch {
    return true;
  }
}

/** Builds into a folder of its own, then swaps it in: a server starting meanwhile never sees half a build. */
export async function buildServer() {
  const out = `${DIST}.${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: [join(ROOT, "src/main.ts")],
    outfile: join(out, "main.js"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: join(ROOT, "tsconfig.json"),
    sourcemap: true,
    logLevel: "warning",
  });
  // The bundle reads these relative to itself, as the sources do relative to their folder.
  cpSync(join(ROOT, "src/platform/ui/assets"), join(out, "ui/assets"), { recursive: true });
  cpSync(join(ROOT, "src/db/migrations"), join(out, "migrations"), { recursive: true });
  writeFileSync(join(out, ".built"), `${new Date().toISOString()}\n`);
  rmSync(DIST, { recursive: true, force: true });
  renameSync(out, DIST);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer();
  console.log("built dist/main.js");
}
