import type { Subprocess } from "bun";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serviceProcessEnv } from "../process-env";

const root = resolve(import.meta.dir, "../../..");

export function tempDir(prefix = "platform-test-") {
  return mkdtempSync(join(tmpdir(), prefix));
}

const handedOut = new Set<number>();

/**
 * A port nothing listens on right now, below Linux's ephemeral range (32768–60999): a port the
 * system picks (port 0) comes from that range, where the tests' own outgoing connections take
 * their source ports too, so one could take it before the service binds it ("port in use", seen in
 * CI). Never the same port twice in one process.
 */
export function freePort(): number {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (handedOut.has(port)) continue;
    try {
      Bun.serve({ port, hostname: "127.0.0.1", fetch: () => new Response() }).stop(true);
    } catch {
      continue; // in use
    }
    handedOut.add(port);
    return port;
  }
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await Bun.sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ""}`);
}

export type ServiceProcess = Awaited<ReturnType<typeof startService>>;

/** Runs a service as a real process on its own port and data directory, as `bun run start` would. */
export async function startService(service: "order" | "payment" | "notification", env: Record<string, string> = {}) {
  const port = Number(env.PORT ?? freePort());
  const dataDir = env.DATA_DIR ?? tempDir(`${service}-`);
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  let proc: Subprocess<"ignore", "pipe", "pipe">;

  async function launch() {
    proc = Bun.spawn(["bun", join(root, service, "src/index.ts")], {
      env: { ...process.env, ...serviceProcessEnv, LOG_LEVEL: "warn", STOP_WITH_PARENT: "true", ...env, PORT: String(port), DATA_DIR: dataDir },
      stdout: "pipe", stderr: "pipe", stdin: "ignore",
    });
    for (const stream of [proc.stdout, proc.stderr]) {
      void (async () => {
        for await (const chunk of stream) output += new TextDecoder().decode(chunk);
      })();
    }
    await waitFor(`${service} on ${url} (output: ${output.slice(-500)})`, async () => {
      if (proc.exitCode !== null) throw new Error(`${service} exited with ${proc.exitCode}: ${output.slice(-1000)}`);
      return (await fetch(`${url}/health`)).ok;
    });
  }

  await launch();
  return {
    url, port, dataDir,
    get output() {
      return output;
    },
    get pid() {
      return proc.pid;
    },
    /** SIGKILL: no shutdown code runs, as in a power cut. */
    async kill9() {
      proc.kill("SIGKILL");
      await proc.exited;
    },
    /** SIGTERM, as an orchestrator stops it; resolves to the exit code. */
    async stop() {
      if (proc.exitCode === null && !proc.signalCode) proc.kill("SIGTERM");
      return proc.exited;
    },
    restart: launch,
  };
}
