// Keystroke-to-totals latency in the browser: from the input event of a typed digit to the 总计 cell showing the new
// sum, measured inside the page with performance.now() on a full 2021 report (needs a production build in .next).
import { spawn } from "node:child_process";
import fs from "node:fs";
import { chromium } from "@playwright/test";
import { summarise, type Result } from "./measure";
import { freePort, waitForServer } from "./server";



export async function benchKeystroke(): Promise<Result[]> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(".next/BUILD_ID") || !fs.existsSync(executablePath)) {
    console.error("Keystroke latency not measured: it needs a production build (npm run build) and Chromium.");
    return [];
  }
  const PORT = await freePort();
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "e2e/server.ts", String(PORT)], { env, stdio: ["ignore", "ignore", "inherit"] });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/login`, 60_000);
    const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/login`);
    await page.getByLabel("用户名").fill("clerk");
    await page.getByLabel("密码").fill("nianbao-demo");
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/fill\/2026$/);
    // Fill the report so every rule and total has work to do.
    await page.getByRole("button", { name: "将空白单元格填为 0" }).first().click();
    const input = page.locator('[data-cell="applications.granted.natural_person"]');
    await input.focus();
    await page.evaluate(() => {
      const w = window as unknown as { __samples: number[]; __t0: number };
      w.__samples = [];
      const el = document.querySelector('[data-cell="applications.granted.natural_person"]')!;
      const total = document.querySelector('output[data-cell="applications.results_total.total"]')!;
      el.addEventListener("input", () => (w.__t0 = performance.now()), { capture: true });
      new MutationObserver(() => w.__samples.push(performance.now() - w.__t0)).observe(total, { childList: true, characterData: true, subtree: true });
    });
    const start = performance.now();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Backspace");
      await page.keyboard.type(String((i % 9) + 1));
    }
    const samples = await page.evaluate(() => (window as unknown as { __samples: number[] }).__samples);
    await browser.close();
    return [summarise("keystroke to totals in the browser (full 2021 form)", samples.slice(10), performance.now() - start)];
  } finally {
    server.kill("SIGTERM");
  }
}
