import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { sampleCsv } from "../../order/src/imports/sample-csv";
import { downloaded, shot, startDashboardStack, unlabelledControls } from "./harness";

let env: Awaited<ReturnType<typeof startDashboardStack>>;
beforeAll(async () => (env = await startDashboardStack()), 60_000);
afterAll(() => env.stop());

describe("the Imports page in Chromium", () => {
  test("before any import, the page says there is none yet", async () => {
    const page = await env.page("/#/imports");
    await page.getByText("まだ取り込みはありません。").waitFor();
    await page.close();
  });

  test("the sample CSV it offers downloads and validates with every order importable", async () => {
    const page = await env.page("/#/imports");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "サンプルCSVをダウンロード" }).click()]);
    expect(download.suggestedFilename()).toBe("sample-orders.csv");
    const bytes = readFileSync((await download.path())!);
    await page.getByLabel(/ファイルを選択/).setInputFiles({ name: "sample-orders.csv", mimeType: "text/csv", buffer: bytes });
    const report = page.getByTestId("import-report");
    await report.getByText("sample-orders.csv（検証済（未実行））").waitFor();
    expect(await report.getByTestId("valid-orders").textContent()).toBe("2");
    expect(await report.getByTestId("error-rows").textContent()).toBe("0");
    await page.close();
  }, 60_000);

  test("upload a CSV on the Imports page, read the dry-run report, confirm, and watch the progress reach the end; the import names who did it", async () => {
    const sample = sampleCsv({ orders: 300, bad: 5, encoding: "shift_jis", prefix: "UI" });
    const page = await env.page("/#/settings");
    await page.getByLabel(/^担当者名/).fill("取込 四郎");
    await page.getByRole("button", { name: "担当者名を保存" }).click();
    await page.getByText("担当者名を「取込 四郎」にしました。").waitFor();
    await page.goto(`${env.origin}/#/imports`);
    await page.getByLabel(/ファイルを選択/).setInputFiles({ name: "取り込み.csv", mimeType: "text/csv", buffer: Buffer.from(sample.bytes) });
    const report = page.getByTestId("import-report");
    await report.getByText("取り込み.csv（検証済（未実行））").waitFor();
    expect(await report.getByTestId("valid-orders").textContent()).toBe("295");
    expect(await report.getByTestId("error-rows").textContent()).toBe("5");
    expect(await report.locator("tbody tr").count()).toBe(5);
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, "import-dry-run");
    await page.getByRole("button", { name: "295 件の注文を取り込む" }).click();
    await page.locator('[data-testid="import-report"][data-status="COMPLETED_WITH_ERRORS"]').waitFor({ timeout: 60_000 });
    for (const bar of ["bar-orders", "bar-payments", "bar-notifications"]) expect(await page.getByTestId(bar).getAttribute("value")).toBe("295");
    expect(await report.getByTestId("import-people").textContent()).toBe("取込 四郎");
    await page.getByRole("row", { name: /取り込み\.csv.*取込 四郎/ }).waitFor(); // in the list of past imports too
    await shot(page, "import-done");
    // the imported orders open in the orders list, narrowed to this import, and download from there
    await page.getByRole("link", { name: "取り込んだ注文 295 件を注文一覧で見る" }).click();
    await page.getByTestId("import-filter").waitFor();
    await page.getByText("（全 295 件）").waitFor();
    const file = await downloaded(page, () => page.getByRole("button", { name: "この 295 件をCSVでダウンロード" }).click());
    const refs = new Set(file.text.replace(/^\uFEFF/, "").trimEnd().split("\r\n").slice(1).map((line) => line.split(",")[1]));
    expect(refs.size).toBe(295);
    expect([...refs].every((ref) => ref!.startsWith("UI-"))).toBe(true);
    await page.getByRole("link", { name: "すべての注文を表示" }).click();
    await page.getByTestId("import-filter").waitFor({ state: "detached" });
  }, 90_000);
});
