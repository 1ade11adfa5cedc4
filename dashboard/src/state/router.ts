import { computed, signal } from "@preact/signals";

/** Hash routes (#/orders/ord_…), so the static server needs no routing and a reload keeps the page. */
const hash = signal(location.hash || "#/");
addEventListener("hashchange", () => (hash.value = location.hash || "#/"));

export const route = computed(() => {
  const [path, search = ""] = hash.value.slice(1).split("?");
  return { parts: (path ?? "/").split("/").filter(Boolean), params: new URLSearchParams(search) };
});

export const navigate = (to: string) => (location.hash = to);
