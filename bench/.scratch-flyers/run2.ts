import { spawn } from "node:child_process";
import autocannon from "autocannon";
const prof = process.env.PROF === "1";
const app = spawn(process.execPath, [...(prof ? ["--cpu-prof", "--cpu-prof-dir=/tmp/flyers/prof"] : []), "--import", "tsx", "bench/.scratch-flyers/realapp.ts", "40201"], { stdio: "inherit" });
const bare = spawn(process.execPath, ["--import", "tsx", "bench/.scratch-flyers/variants.ts", "bare", "40200"], { stdio: "inherit" });
await new Promise((r) => setTimeout(r, 15000));
const res: Record<string, number[]> = {};
for (let round = 0; round < 3; round++) for (const [name, url] of [["bare", "http://127.0.0.1:40200/p/a-org/c/b-c"], ["app", "http://127.0.0.1:40201/p/a-org/c/b-c"]]) {
  const r = await autocannon({ url, connections: 50, duration: 3, headers: { "accept-language": "es" } });
  (res[name] ??= []).push(Math.round(r.requests.average));
  if (r.non2xx) console.log(name, "non2xx", r.non2xx);
}
console.log(res);
app.kill("SIGINT"); bare.kill();
