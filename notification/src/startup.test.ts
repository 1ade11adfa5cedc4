import { expect, test } from "bun:test";
import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "@platform/shared/testing/service-process";

test("a template file that fails to parse stops the service at start with the file and line", () => {
  const dir = tempDir("templates-");
  cpSync(join(import.meta.dir, "../templates"), dir, { recursive: true });
  writeFileSync(join(dir, "ORDER_SHIPPED/email.html"), "<p>{{ customer_name }} 様</p>\n<ul>\n{% for item in items %}<li>{{ item.product_name }}</li>\n</ul>\n");
  const result = Bun.spawnSync(["bun", join(import.meta.dir, "index.ts")], {
    env: { ...process.env, TEMPLATES_DIR: dir, DATA_DIR: tempDir(), PORT: "1" }, stdout: "pipe", stderr: "pipe",
  });
  expect(result.exitCode).toBe(1);
  expect(result.stderr.toString().trim()).toBe(`Template error: ${join(dir, "ORDER_SHIPPED/email.html")}:3: {% for %} is never closed with {% endfor %}`);
});
