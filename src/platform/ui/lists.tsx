import type { Child } from "hono/jsx";

/**
 * A list of records, one line each (`ul.list`, `li.list-item`), or the sentence that says
 * there are none (muted unless `noneClass` says otherwise). `class` is added to the list's.
 */
export function ItemList<T>(props: {
  items: readonly T[];
  item: (item: T) => Child;
  none?: Child;
  noneClass?: string;
  class?: string;
}) {
  if (props.items.length === 0) {
    return props.none ? <p class={props.noneClass ?? "muted"}>{props.none}</p> : null;
  }
  return (
    <ul class={props.class ? `list ${props.class}` : "list"}>
      {props.items.map((item) => (
        <li class="list-item">{props.item(item)}</li>
      ))}
    </ul>
  );
}
