import { signal } from "@preact/signals";

export type Toast = { id: number; kind: "success" | "error"; text: string };
export const toasts = signal<Toast[]>([]);
let next = 1;

/** Every action reports its result here; messages leave by themselves after a while. */
export function notify(kind: Toast["kind"], text: string) {
  const toast = { id: next++, kind, text };
  toasts.value = [...toasts.value, toast];
  setTimeout(() => (toasts.value = toasts.value.filter((t) => t.id !== toast.id)), kind === "error" ? 8000 : 4000);
}
