import { describe, expect, it } from "vitest";
import { expectApiError as expectError } from "../../../test/support/api-errors";
import { peopleCount } from "../../../test/support/people";
import { STORES } from "../../../test/support/stores";
import { orgApis } from "../../../test/support/suites";
import { common } from "../../platform/common.messages";

// The JSON API refuses every kind of bad input with a 4xx and the error shape,
// in the caller's language, and saves nothing.
describe.each(STORES)("people JSON API, bad input, on %s", (store) => {
  const s = orgApis(store);

  const count = () => peopleCount(s.t, s.org.orgId);

  it("refuses malformed JSON with 400 and an empty or non-object body with 4xx", async () => {
    for (const body of ["{", '{"display_name": "x",}', "not json", "", "\u0000"]) {
      expectError(await s.api.post("/api/v1/people", body), 400, "bad_request");
    }
    for (const body of ["null", "[]", "42", '"texto"', "true"]) {
      const res = await s.api.post("/api/v1/people", body);
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(res.status, body).toBeLessThan(500);
      expect(res.json.error.code).toBeTruthy();
    }
  });

  const INVALID: [string, unknown, string, string][] = [
    ["a number for a name", { display_name: 123 }, "display_name", "wrong_type"],
    ["no name", { given_name: "Ana" }, "display_name", "required"],
    ["a null name", { display_name: null }, "display_name", "required"],
    ["an empty name", { display_name: "" }, "display_name", "required"],
    ["a blank name", { display_name: " \n\t " }, "display_name", "required"],
    ["a 10,000-char name", { display_name: "x".repeat(10_000) }, "display_name", "too_long"],
    ["10,000-char notes", { display_name: "x", notes: "y".repeat(10_000) }, "notes", "too_long"],
    ["1,000 tags", { display_name: "x", tags: Array(1000).fill("t") }, "tags", "too_long"],
    ["a huge tag", { display_name: "x", tags: ["t".repeat(10_000)] }, "tags.0", "too_long"],
    ["a string for tags", { display_name: "x", tags: "a,b" }, "tags", "wrong_type"],
    ["a number in tags", { display_name: "x", tags: [1] }, "tags.0", "wrong_type"],
    ["a string for consent", { display_name: "x", consent: "yes" }, "consent", "wrong_type"],
    [
      "a string for a consent flag",
      { display_name: "x", consent: { email: "yes" } },
      "consent.email",
      "wrong_type",
    ],
    [
      "an object for emails",
      { display_name: "x", email_addresses: { address: "a@b.org" } },
      "email_addresses",
      "wrong_type",
    ],
    [
      "an invalid email",
      { display_name: "x", email_addresses: [{ address: "no-arroba" }] },
      "email_addresses.0.address",
      "invalid_email",
    ],
    [
      "a huge email",
      { display_name: "x", email_addresses: [{ address: `${"a".repeat(10_000)}@example.org` }] },
      "email_addresses.0.address",
      "too_long",
    ],
    [
      "too many emails",
      {
        display_name: "x",
        email_addresses: Array.from({ length: 50 }, (_, i) => ({ address: `e${i}@example.org` })),
      },
      "email_addresses",
      "too_long",
    ],
    [
      "an invalid phone",
      { display_name: "x", phone_numbers: [{ number: "llámame" }] },
      "phone_numbers.0.number",
      "invalid_phone",
    ],
    [
      "a number for a phone",
      { display_name: "x", phone_numbers: [{ number: 5550100 }] },
      "phone_numbers.0.number",
      "wrong_type",
    ],
    [
      "an unknown language",
      { display_name: "x", preferred_language: "fr" },
      "preferred_language",
      "invalid_choice",
    ],
    [
      "an unknown level",
      { display_name: "x", engagement_level: "jefa" },
      "engagement_level",
      "invalid_choice",
    ],
    [
      "a bad birthdate",
      { display_name: "x", birthdate: "1990-02-30" },
      "birthdate",
      "invalid_date",
    ],
    ["an unknown field", { display_name: "x", is_admin: true }, "is_admin", "unknown_field"],
    [
      "an unknown nested field",
      { display_name: "x", email_addresses: [{ address: "a@b.org", verified: true }] },
      "email_addresses.0.verified",
      "unknown_field",
    ],
    [
      "an id",
      { display_name: "x", id: "00000000-0000-0000-0000-000000000000" },
      "id",
      "unknown_field",
    ],
    ["NUL in a name", { display_name: "Ana\u0000" }, "display_name", "invalid"],
    ["NUL in a tag", { display_name: "x", tags: ["ok", "\u0000"] }, "tags.1", "invalid"],
  ];

  for (const [label, body, field, code] of INVALID) {
    it(`refuses ${label} with 422 and a message for ${field}; nothing saved`, async () => {
      const before = await count();
      const error = expectError(await s.api.post("/api/v1/people", body), 422, "validation_failed");
      expect(error.fields?.[field]?.code, JSON.stringify(error.fields)).toBe(code);
      // Spanish unless the caller asks otherwise, like the pages.
      expect(error.message).toBe(common.es.error_validation_failed);
      expect(error.fields?.[field]?.message).toBe(
        common.es[`field_${code}` as keyof typeof common.es],
      );
      expect(await count()).toBe(before);
    });
  }

  it("refuses a body over 1 MB with 413", async () => {
    const res = await s.api.post("/api/v1/people", {
      display_name: "x",
      notes: "y".repeat(2_000_000),
    });
    expectError(res, 413, "payload_too_large");
  });

  it("refuses a duplicate email with 422 on email_addresses, on create and on patch", async () => {
    const first = await s.api.post("/api/v1/people", {
      display_name: "Primera",
      email_addresses: [{ address: "unica@example.org" }],
    });
    expect(first.status).toBe(201);
    const before = await count();
    const dup = await s.api.post("/api/v1/people", {
      display_name: "Segunda",
      email_addresses: [{ address: "UNICA@example.org" }],
    });
    expect(expectError(dup, 422, "validation_failed").fields?.email_addresses?.code).toBe(
      "duplicate_email",
    );
    expect(await count()).toBe(before);
    const second = (await s.api.post("/api/v1/people", { display_name: "Segunda" })).json;
    const patch = await s.api.patch(`/api/v1/people/${second.id}`, {
      email_addresses: [{ address: "unica@example.org" }],
    });
    expect(expectError(patch, 422, "validation_failed").fields?.email_addresses?.code).toBe(
      "duplicate_email",
    );
    expect((await s.api.get(`/api/v1/people/${second.id}`)).json.email_addresses).toEqual([]);
    // Another organization may hold the same address.
    expect(
      (
        await s.other.post("/api/v1/people", {
          display_name: "Ajena",
          email_addresses: [{ address: "unica@example.org" }],
        })
      ).status,
    ).toBe(201);
  });

  it("refuses a PATCH that would empty the name, or has bad types, changing nothing", async () => {
    const created = (await s.api.post("/api/v1/people", { display_name: "Intacta", tags: ["x"] }))
      .json;
    for (const [body, field, code] of [
      [{ display_name: "" }, "display_name", "required"],
      [{ display_name: "   " }, "display_name", "required"],
      [{ display_name: null }, "display_name", "required"],
      [{ display_name: 5 }, "display_name", "wrong_type"],
      [{ tags: "x", display_name: "Otra" }, "tags", "wrong_type"],
      [{ phone_numbers: [{ number: "1" }] }, "phone_numbers.0.number", "invalid_phone"],
      [{ nickname: "x" }, "nickname", "unknown_field"],
    ] as const) {
      const res = await s.api.patch(`/api/v1/people/${created.id}`, body);
      const error = expectError(res, 422, "validation_failed");
      expect(error.fields?.[field]?.code, JSON.stringify(body)).toBe(code);
    }
    expectError(await s.api.patch(`/api/v1/people/${created.id}`, "{oops"), 400, "bad_request");
    expect((await s.api.get(`/api/v1/people/${created.id}`)).json).toEqual(created);
  });
});
