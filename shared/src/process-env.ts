/**
 * What a service process is started with, beyond its settings: `bun run start`, the tests and the
 * benchmark start them with it, and compose.yaml sets the same (checked by compose.test.ts).
 *
 * BUN_JSC_forceRAMSize tells the JavaScript engine to size its heap as on a 256 MiB machine (Bun's
 * equivalent of Node's --max-old-space-size, per its maintainers). Left to the 24 GiB it sees here,
 * the heap grew between collections until the Order Service peaked at 145–151 MB under the order
 * benchmark; with it, 115–126 MB, for about 3 % more CPU. It must be in the environment the process
 * starts with: the engine reads it before any code (or .env) runs.
 */
export const serviceProcessEnv = {
  BUN_JSC_forceRAMSize: String(256 * 1024 * 1024),
};
