import { spawn } from "node:child_process";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function once(args: string[], env: NodeJS.ProcessEnv, port: number) {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: "/work/main", env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" }, stdio: ["ignore", "ignore", "inherit"] });
  while (true) {
    try { const r = await fetch(`http://127.0.0.1:${port}/healthz`); await r.arrayBuffer(); if (r.status === 200) break; } catch {}
    await sleep(5);
  }
  const ms = performance.now() - t0;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM"); await exited;
  return ms;
}
const env = process.env.URL ? { DATABASE_URL: process.env.URL, AMPARO_DATA_DIR: "/tmp/amparo-explore-key" } : { DATABASE_URL: "", AMPARO_DATA_DIR: "/tmp/amparo-explore" };
const r: Record<string, number[]> = { tsx: [], bundle: [] };
for (let i = 0; i < 3; i++) {
  r.tsx!.push(await once(["--import", "tsx", "src/main.ts"], env, 47311));
  r.bundle!.push(await once(["bench/.scratch/dist/main.mjs"], env, 47312));
}
console.log(JSON.stringify(r, (_, v) => (typeof v === "number" ? Math.round(v) : v)));
