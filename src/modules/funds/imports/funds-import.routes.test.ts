import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, createOrg, signedIn, type TestApp } from "../../../../test/support/app";
import { newCampaign } from "../../../../test/support/funds";
import { decode } from "../../../../test/support/html";
import { addMember } from "../../../../test/support/members";
import { STORES } from "../../../../test/support/stores";
import { teamPages } from "../../../../test/support/suites";
import { common } from "../../../platform/common.messages";
import { SESSION_COOKIE } from "../../../platform/sessions";
import { gifts } from "../funds.schema";
import { giftImports } from "../gift-sources.schema";
import { importText } from "./funds-import.messages";

const FILE = [
  "Donation ID,Donation Date,Donor Name,Donation Amount,Anonymous,Currency,Status",
  "web-1,2025-03-01,Ana Inventada,25.00,No,USD,Completed",
  "web-2,2025-03-02,Beto <b>Prueba</b>,100.00,Yes,USD,Completed",
].join("\n");

/** A multipart upload the way a browser sends the form: CSRF token, file, cookies. */
async function upload(t: TestApp, client: Client, path: string, file: Blob, name = "export.csv") {
  const form = new FormData();
  form.set("_csrf", client.cookie("amparo_csrf") ?? "");
  form.set("file", file, name);
  const cookie = `amparo_csrf=${client.cookie("amparo_csrf")}; ${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}`;
  return t.app.request(path, { method: "POST", body: form, headers: { cookie } });
}

const csv = (text: string) => new Blob([text], { type: "text/csv" });

describe.each(STORES)("CSV import pages on %s", (store) => {
  const s = teamPages(store);
  let other: Awaited<ReturnType<typeof createOrg>>;

  beforeAll(async () => {
    other = await createOrg(s.t, "Otra Organización");
  });

  const giftCount = async (campaignId: string) =>
    (await s.t.database.db.select().from(gifts).where(eq(gifts.campaignId, campaignId))).length;

  it("uploads, previews, commits, and shows the totals; a second upload adds nothing", async () => {
    const c = await newCampaign(s.t, s.org.actor);
    const form = await s.es.get(`/funds/${c.id}/import`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('enctype="multipart/form-data"');

    const res = await upload(s.t, s.es, `/funds/${c.id}/import`, csv(FILE));
    expect(res.status).toBe(303);
    const preview = res.headers.get("location") ?? "";
    expect(preview).toMatch(new RegExp(`^/funds/${c.id}/imports/[0-9a-f-]{36}$`));
    const page = await (await s.es.get(preview)).text();
    expect(page).toContain("Beto &lt;b&gt;Prueba&lt;/b&gt;");
    expect(page).not.toContain("<b>Prueba</b>");
    expect(decode(page)).toContain(importText.es.commit_submit(2, "$125.00"));
    expect(await giftCount(c.id)).toBe(0);

    const digest = /name="digest" value="([0-9a-f]+)"/.exec(page)?.[1] ?? "";
    const done = await s.es.post(`${preview}/commit`, { digest });
    expect(done.status).toBe(303);
    const result = await (await s.es.get(done.headers.get("location") ?? "")).text();
    expect(result).toContain(importText.es.done_title);
    expect(result).toContain("$125.00");
    expect(await giftCount(c.id)).toBe(2);
    // Committing again (a double click) adds nothing.
    const twice = await s.es.post(`${preview}/commit`, { digest });
    expect(twice.headers.get("location")).toContain("again=1");

    const again = await upload(s.t, s.es, `/funds/${c.id}/import`, csv(FILE));
    const second = await (await s.es.get(again.headers.get("location") ?? "")).text();
    expect(decode(second)).toContain(importText.es.s_already_imported);
    expect(decode(second)).toContain(importText.es.rows_none);
    expect(await giftCount(c.id)).toBe(2);
  });

  it("names the bad line in the preview, refuses the commit and writes nothing", async () => {
    const c = await newCampaign(s.t, s.org.actor);
    const bad = `${FILE.replaceAll("web-", "bad-")}\nbad-3,31/02/2025,Carla,5.00,No,USD,Completed`;
    const res = await upload(s.t, s.en, `/funds/${c.id}/import`, csv(bad));
    const preview = res.headers.get("location") ?? "";
    const page = decode(await (await s.en.get(preview)).text());
    expect(page).toContain(importText.en.line("4"));
    expect(page).toContain(importText.en.p_bad_date("31/02/2025"));
    expect(page).toContain(importText.en.cannot_commit);
    expect(page).not.toContain('name="digest"');
    const [imp] = await s.t.database.db
      .select()
      .from(giftImports)
      .where(eq(giftImports.campaignId, c.id));
    const { mappingDigest } = await import("./gift-import-record");
    const refused = await s.en.post(`${preview}/commit`, {
      digest: mappingDigest(imp?.mapping ?? ({} as never)),
    });
    expect(refused.status).toBe(422);
    expect(decode(await refused.text())).toContain(common.en.error_import_has_problems);
    expect(await giftCount(c.id)).toBe(0);
  });

  it("changes the mapping from the preview, and keeps a bad choice with its message", async () => {
    const c = await newCampaign(s.t, s.org.actor);
    const res = await upload(
      s.t,
      s.en,
      `/funds/${c.id}/import`,
      csv("Fecha,Monto,Quien\n01/03/2025,20,Ana\n"),
    );
    const preview = res.headers.get("location") ?? "";
    const page = decode(await (await s.en.get(preview)).text());
    expect(page).toContain(importText.en.n_dates_guessed(importText.en.date_order_dmy));
    const base = {
      col_amount: "1",
      col_date: "0",
      col_donor_name: "2",
      date_order: "mdy",
      method: "card",
    };
    const wrong = await s.en.post(preview, { ...base, source: "Not OK!" });
    expect(wrong.status).toBe(422);
    const kept = decode(await wrong.text());
    expect(kept).toContain('value="Not OK!"');
    expect(kept).toContain(common.en.field_invalid_slug);
    const ok = await s.en.post(preview, { ...base, source: "kermes" });
    expect(ok.status).toBe(303);
    const now = await (await s.en.get(preview)).text();
    expect(now).toContain("Ana");
    expect(now).toContain("Jan 3, 2025");
  });

  it("tells a Windows-1252 file apart, and explains files it can't read", async () => {
    const c = await newCampaign(s.t, s.org.actor);
    const bytes = new Uint8Array([
      ...new TextEncoder().encode("Fecha,Monto,Nombre\n2025-03-01,15,Jos"),
      0xe9,
      0x0a,
    ]);
    const res = await upload(s.t, s.es, `/funds/${c.id}/import`, new Blob([bytes]));
    const page = await (await s.es.get(res.headers.get("location") ?? "")).text();
    expect(decode(page)).toContain(importText.es.enc_windows_1252);
    expect(page).toContain("José");

    const empty = await upload(s.t, s.es, `/funds/${c.id}/import`, csv("Fecha,Monto\n"));
    expect(empty.status).toBe(422);
    expect(decode(await empty.text())).toContain(importText.es.file_no_rows);
    const xlsx = await upload(
      s.t,
      s.es,
      `/funds/${c.id}/import`,
      new Blob([new Uint8Array([0x50, 0x4b, 3, 4, 9])]),
      "a.xlsx",
    );
    expect(decode(await xlsx.text())).toContain(importText.es.file_excel_file);
  });

  it("refuses a 10 MB file with a clear message and keeps nothing", async () => {
    const c = await newCampaign(s.t, s.org.actor);
    const big = csv(`Date,Amount\n${"2025-03-01,1.00\n".repeat((10 * 1024 * 1024) / 16)}`);
    const res = await upload(s.t, s.es, `/funds/${c.id}/import`, big);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("5 MB");
    const stored = await s.t.database.db
      .select()
      .from(giftImports)
      .where(eq(giftImports.campaignId, c.id));
    expect(stored).toEqual([]);
  });

  it("gives 404 for another organization's campaign or import, and 403 to a viewer", async () => {
    const c = await newCampaign(s.t, s.org.actor);
    const res = await upload(
      s.t,
      s.es,
      `/funds/${c.id}/import`,
      csv(FILE.replaceAll("web-", "x-")),
    );
    const preview = res.headers.get("location") ?? "";
    const stranger = await signedIn(s.t, other.email);
    const theirs = await newCampaign(s.t, other.actor);
    expect((await stranger.get(`/funds/${c.id}/import`)).status).toBe(404);
    expect((await stranger.get(preview)).status).toBe(404);
    expect((await upload(s.t, stranger, `/funds/${c.id}/import`, csv(FILE))).status).toBe(404);
    expect((await stranger.post(`${preview}/commit`, { digest: "x" })).status).toBe(404);
    expect((await stranger.post(`${preview}/discard`, {})).status).toBe(404);
    // Their own campaign with our import id is still not found.
    const mixed = preview.replace(c.id, theirs.id);
    expect((await stranger.get(mixed)).status).toBe(404);
    expect((await stranger.get(`/funds/not-a-uuid/import`)).status).toBe(404);

    const viewer = await addMember(s.t, s.org.actor, "viewer");
    const looker = await signedIn(s.t, viewer.email);
    expect((await looker.get(`/funds/${c.id}/import`)).status).toBe(403);

    expect((await s.es.post(`${preview}/discard`, {})).status).toBe(303);
    expect((await s.es.get(preview)).status).toBe(404);
    expect(await giftCount(c.id)).toBe(0);
  });
});
