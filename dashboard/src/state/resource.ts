import { signal } from "@preact/signals";
import { ApiError } from "../api/client";

/** A value loaded from a service, with its loading and error states, reloadable on demand. */
export function resource<T>(load: () => Promise<T>) {
  const data = signal<T | undefined>(undefined);
  const error = signal<ApiError | undefined>(undefined);
  const loading = signal(false);
  let generation = 0;
  async function reload() {
    const mine = ++generation;
    loading.value = true;
    try {
      const value = await load();
      if (mine === generation) (data.value = value), (error.value = undefined);
    } catch (e) {
      if (mine === generation) error.value = e instanceof ApiError ? e : new ApiError("order", 0, "ERROR", String(e));
    } finally {
      if (mine === generation) loading.value = false;
    }
  }
  return { data, error, loading, reload };
}
