import type { Signal } from "@preact/signals";
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";

/** A search that applies on submit: the box keeps the draft, `term` the search in force (a link may set it). */
export function SearchBox({ id, label, placeholder, term, onSearch }: { id: string; label: string; placeholder: string; term: Signal<string>; onSearch: () => void }) {
  const draft = useSignal(term.value);
  useEffect(() => void (draft.value = term.value), [term.value]); // a search opened by a link shows in the box
  const submit = (event: Event) => (event.preventDefault(), (term.value = draft.value), onSearch());
  return (
    <form class="search" role="search" onSubmit={submit}>
      <label for={id}>{label}</label>{" "}
      <input id={id} type="search" placeholder={placeholder} value={draft.value} onInput={(e) => (draft.value = e.currentTarget.value)} />{" "}
      <button type="submit">検索</button>
    </form>
  );
}
