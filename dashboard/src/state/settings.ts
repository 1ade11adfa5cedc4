import { effect, signal } from "@preact/signals";

/** The API token, kept for this browser tab only (sessionStorage). */
const token = signal(sessionStorage.getItem("api-token") ?? "");
effect(() => (token.value ? sessionStorage.setItem("api-token", token.value) : sessionStorage.removeItem("api-token")));

/** Who is using this browser, named to the services on every change they make (X-Operator); kept across tabs. */
const operator = signal(localStorage.getItem("operator") ?? "");
effect(() => (operator.value ? localStorage.setItem("operator", operator.value) : localStorage.removeItem("operator")));

export const settings = { token, operator };
