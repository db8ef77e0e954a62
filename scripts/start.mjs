// `npm start`: builds the server when dist/ is missing or older than the sources, then
// runs the compiled bundle. Measured (decision 090): 2–3× faster to start and ~80 MB
// smaller than running the TypeScript sources through tsx.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildServer, DIST, isStale } from "./build.mjs";

if (isStale()) {
  console.log("Building the server (first start or sources changed)…");
  await buildServer();
}
await import(pathToFileURL(join(DIST, "main.js")).href);
