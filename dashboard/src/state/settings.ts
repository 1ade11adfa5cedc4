import { effect, signal } from "@preact/signals";

/** The API token, kept for this browser tab only (sessionStorage). */
const token = signal(sessionStorage.getItem("api-token") ?? "");
effect(() => (token.value ? sessionStorage.setItem("api-token", token.value) : sessionStorage.removeItem("api-token")));

export const settings = { token };
