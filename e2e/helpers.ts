// Shared steps for the e2e specs.
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "nianbao-demo";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

export async function signInAndWait(page: Page, username: string, urlPattern: RegExp, password = DEMO_PASSWORD) {
  await signIn(page, username, password);
  await expect(page).toHaveURL(urlPattern);
}
