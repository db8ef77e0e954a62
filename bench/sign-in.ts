import type { createApp } from "../src/app";

/** Signs a user in through the real form (in process) and returns the session's cookie header. */
export async function signIn(
  app: ReturnType<typeof createApp>,
  email: string,
  password: string,
): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const h of res.headers.getSetCookie()) {
      const [pair = ""] = h.split(";");
      const [k = "", ...v] = pair.split("=");
      jar.set(k, v.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  keep(await app.request("/login"));
  const body = new URLSearchParams({ email, password, _csrf: jar.get("amparo_csrf") ?? "" });
  const res = await app.request("/login", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: body.toString(),
  });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  keep(res);
  return cookie();
}
