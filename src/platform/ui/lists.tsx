import type { Child } from "hono/jsx";

/**
 * A list of records, one line each (`ul.list`, `li.list-item`), or the sentence that says
 * there are none (muted unless `noneClass` says otherwise, "" for plain). `class` is added to
 * the list's.
 */
export function ItemList<T>(props: {
  items: readonly T[];
  item: (item: T) => Child;
  none?: Child;
  noneClass?: string;
  class?: string;
}) {
  const cls = props.class ? `list ${props.class}` : "list";
  return <PlainList {...props} class={cls} itemClass="list-item" />;
}

/**
 * A plain list (`ul`, or `ol` when `numbered`): a plan's rows, a review's points, a ballot's
 * picks; or, when empty, `none` (muted unless `noneClass` says otherwise, "" for plain), or
 * nothing.
 */
export function PlainList<T>(props: {
  items: readonly T[];
  item: (item: T) => Child;
  none?: Child;
  noneClass?: string;
  class?: string;
  itemClass?: string;
  numbered?: boolean;
}) {
  if (props.items.length === 0) {
    const cls = props.noneClass ?? "muted";
    return props.none ? <p class={cls || undefined}>{props.none}</p> : null;
  }
  const rows = props.items.map((item) => <li class={props.itemClass}>{props.item(item)}</li>);
  return props.numbered ? <ol class={props.class}>{rows}</ol> : <ul class={props.class}>{rows}</ul>;
}

/** A list line's details, the empty ones left out: "May 3 · Ana · cash". */
export function Meta(props: { items: readonly (string | null | undefined | false)[] }) {
  return <span class="meta">{props.items.filter(Boolean).join(" · ")}</span>;
}

/** A list line's title that is a person: the name, linking to their page. */
export function PersonTitle(props: { id: string; name: Child }) {
  return (
    <a class="title" href={`/people/${props.id}`}>
      {props.name}
    </a>
  );
}

type EmptyAction = { href: string; label: Child; secondary?: boolean } | null | false | undefined;

/**
 * Where a list or a step has nothing to show: what that means and, at most, one way on
 * (the first thing to add, clearing a search, back to where it can be done).
 */
export function Empty(props: { title?: Child; body?: Child; action?: EmptyAction }) {
  return (
    <div class="empty">
      {props.title && <h2>{props.title}</h2>}
      {props.body && <p>{props.body}</p>}
      {props.action && (
        <a class={props.action.secondary ? "button secondary" : "button"} href={props.action.href}>
          {props.action.label}
        </a>
      )}
    </div>
  );
}

/**
 * Why a list shows nothing: nothing exists yet (and the first thing to do), or the search
 * or a filter finds nothing (and the way to clear it).
 */
export function ListEmpty(props: {
  filtering: boolean;
  empty: { title: Child; body?: Child; action?: EmptyAction };
  noResults: { title: Child; body?: Child; clearLabel: Child; clearHref: string };
}) {
  const { empty, noResults } = props;
  return props.filtering ? (
    <Empty
      title={noResults.title}
      body={noResults.body}
      action={{ href: noResults.clearHref, label: noResults.clearLabel, secondary: true }}
    />
  ) : (
    <Empty title={empty.title} body={empty.body} action={empty.action} />
  );
}
