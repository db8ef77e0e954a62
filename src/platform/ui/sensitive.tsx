import type { Child } from "hono/jsx";
import { Csrf } from "./forms";
import { Panel } from "./layout";

/** One sensitive fact: its label, the value once revealed, and whether anything is saved. */
export type SensitiveFact = { label: string; value: Child; saved: boolean; class?: string };

/**
 * The sensitive panel of a record (a person, a case): until revealed, only whether each
 * fact is saved, and a button to reveal them (the reveal is a logged POST) for who may;
 * once revealed, the values and a word that the viewing was logged.
 */
export function SensitivePanel(props: {
  title: string;
  csrf: string;
  facts: SensitiveFact[];
  /** True on the page the reveal answered with. */
  revealed: boolean;
  mayReveal: boolean;
  revealAction: string;
  texts: {
    saved: string;
    notSaved: string;
    logged: string;
    hint: string;
    show: string;
    noAccess: string;
  };
}) {
  const t = props.texts;
  const facts = (shown: (f: SensitiveFact) => [Child, string | undefined]) => (
    <dl class="facts">
      {props.facts.map((f) => {
        const [value, cls] = shown(f);
        return (
          <>
            <dt>{f.label}</dt>
            <dd class={cls}>{value}</dd>
          </>
        );
      })}
    </dl>
  );
  return (
    <Panel title={props.title} class="sensitive">
      {props.revealed ? (
        <>
          {facts((f) => [f.value, f.class])}
          <p class="hint">{t.logged}</p>
        </>
      ) : (
        <>
          {facts((f) => [f.saved ? t.saved : t.notSaved, undefined])}
          {props.mayReveal ? (
            props.facts.some((f) => f.saved) && (
              <form method="post" action={props.revealAction}>
                <Csrf token={props.csrf} />
                <p class="hint">{t.hint}</p>
                <button type="submit" class="secondary">
                  {t.show}
                </button>
              </form>
            )
          ) : (
            <p class="hint">{t.noAccess}</p>
          )}
        </>
      )}
    </Panel>
  );
}
