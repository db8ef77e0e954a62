import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { bodyLimit } from "./body-limit";

function app() {
  const a = new Hono();
  a.onError((error, c) => c.text(error.message, 413));
  a.use(
    bodyLimit({
      maxSize: 10,
      onError: () => {
        throw new Error("too large");
      },
    }),
  );
  a.post("/", async (c) => c.text(`got ${await c.req.text()}`));
  return a;
}

describe("bodyLimit", () => {
  it("checks a declared Content-Length without reading the body first", async () => {
    const ok = await app().request("/", {
      method: "POST",
      headers: { "content-length": "5" },
      body: "12345",
    });
    expect(await ok.text()).toBe("got 12345");
    const big = await app().request("/", {
      method: "POST",
      headers: { "content-length": "11" },
      body: "12345678901",
    });
    expect(big.status).toBe(413);
    const odd = await app().request("/", {
      method: "POST",
      headers: { "content-length": "1e3" },
      body: "x",
    });
    expect(odd.status).toBe(413);
  });

  it("counts a body that declares no length, as Hono's does", async () => {
    const stream = (text: string) =>
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(text));
          controller.close();
        },
      });
    const ok = await app().request("/", {
      method: "POST",
      body: stream("1234"),
      duplex: "half",
    } as RequestInit);
    expect(await ok.text()).toBe("got 1234");
    const big = await app().request("/", {
      method: "POST",
      body: stream("123456789012"),
      duplex: "half",
    } as RequestInit);
    expect(big.status).toBe(413);
  });
});
