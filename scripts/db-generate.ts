// Writes the migrations of every service whose schema changed.
const services = ["order", "payment", "notification"];
for (const service of services) {
  const result = Bun.spawnSync(["bunx", "drizzle-kit", "generate"], { env: { ...process.env, SERVICE: service }, stdout: "inherit", stderr: "inherit" });
  if (result.exitCode !== 0) process.exit(result.exitCode ?? 1);
}
