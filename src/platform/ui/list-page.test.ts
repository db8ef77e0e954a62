import { describe, expect, it } from "vitest";
import { listSearch, listStates, onePage, paged } from "./list-page";

describe("a list page's paging and empty states", () => {
  it("pages a result, keeping only the filters that are set", () => {
    const p = paged({ total: 45, page: 2, perPage: 20 }, "/people", { q: "ana", tag: "" });
    expect(p).toMatchObject({ total: 45, page: 2, pages: 3 });
    expect(p.pageLink(3)).toBe("/people?q=ana&page=3");
  });

  it("counts one page for an empty result, and one page for a list shown whole", () => {
    expect(paged({ total: 0, page: 1, perPage: 20 }, "/cases", {}).pages).toBe(1);
    const whole = onePage(7, "/facilities");
    expect(whole).toMatchObject({ total: 7, page: 1, pages: 1 });
    expect(whole.pageLink(2)).toBe("/facilities");
  });

  it("takes the empty states from the usual keys, the hint and the clear link when given", () => {
    const t = {
      empty_title: "None yet",
      empty_body: "Add one",
      no_results: "Nothing found",
      clear_search: "Clear",
    };
    expect(listStates(t)).toEqual({
      empty: { title: "None yet", body: "Add one" },
      noResults: { title: "Nothing found", body: "", clearLabel: "Clear" },
    });
    expect(listStates({ ...t, no_results_hint: "Try less" }, "/x?all").noResults).toEqual({
      title: "Nothing found",
      body: "Try less",
      clearLabel: "Clear",
      clearHref: "/x?all",
    });
  });

  it("labels the search from the list's messages, with no placeholder when it has none", () => {
    expect(listSearch({ search_label: "Search" }, "/outreach", "x")).toEqual({
      action: "/outreach",
      q: "x",
      label: "Search",
      placeholder: "",
      filters: undefined,
    });
    const t = { search_label: "Search", search_placeholder: "Name" };
    expect(listSearch(t, "/people", "", "filters").placeholder).toBe("Name");
  });
});
