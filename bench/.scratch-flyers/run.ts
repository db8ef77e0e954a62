import { spawn } from "node:child_process";
import autocannon from "autocannon";
const variants = ["bare", "direct", "after"];
const children = variants.map((v, i) => spawn(process.execPath, ["--import", "tsx", "bench/.scratch-flyers/variants.ts", v, String(40100 + i)], { stdio: "inherit" }));
await new Promise((r) => setTimeout(r, 4000));
const res: Record<string, number[]> = {};
for (let round = 0; round < 3; round++) for (const [i, v] of variants.entries()) {
  const r = await autocannon({ url: `http://127.0.0.1:${40100 + i}/p/a/c/b`, connections: 50, duration: 3 });
  (res[v] ??= []).push(Math.round(r.requests.average));
}
console.log(res);
for (const c of children) c.kill();
