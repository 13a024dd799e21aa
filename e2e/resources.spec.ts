import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Locator, Page } from "@playwright/test";
import { expect as baseExpect, test, type DockerFixture } from "./fixtures";
import { FIXTURE_IMAGE, TEST_LABEL, TEST_LABEL_ARG, TEST_RUN } from "./env";

/**
 * Images, networks, volumes and system pages against the real engine and a real local registry
 * (Debian's docker-registry on 127.0.0.1:5000, started by scripts/test.sh → ensure_registry).
 * Every object is unique per test (random token), labelled berth.test=<run> or removed in `finally`.
 */

// Pages hydrate in a few seconds on a loaded CI box; Docker-side steps (push, pull, backup) add more.
test.describe.configure({ mode: "parallel", timeout: 120_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

const REGISTRY = "127.0.0.1:5000";
/** Needs a login (htpasswd); its test-only user and password come from scripts/lib.sh. */
const AUTH_REGISTRY = "127.0.0.1:5001";
const token = () => `e2e${randomBytes(4).toString("hex")}`;
const execFileP = promisify(execFile);
let authLogin = { user: "", password: "" };

test.beforeAll(async () => {
  // Running the spec directly (not through scripts/test.sh): start the registries the same way.
  const lib = path.join(__dirname, "..", "scripts", "lib.sh");
  const { stdout } = await execFileP("bash", [
    "-c",
    `source "${lib}" && ensure_registry && printf '%s\\n%s\\n' "$AUTH_REGISTRY_USER" "$AUTH_REGISTRY_PASSWORD"`,
  ]);
  const [user = "", password = ""] = stdout.trim().split("\n");
  authLogin = { user, password };
});

/**
 * Imports a one-layer image of `bytes` random bytes (a layer nobody else has, so pushes upload and
 * pulls download real data), labelled for this run; untagged (dangling) without `ref`. Resolves to its id.
 */
async function importRandomImage(docker: DockerFixture, bytes: number, ref?: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-e2e-img-"));
  try {
    fs.mkdirSync(path.join(dir, "root"));
    fs.writeFileSync(path.join(dir, "root", "payload.bin"), randomBytes(bytes));
    await execFileP("tar", ["-C", path.join(dir, "root"), "-cf", path.join(dir, "layer.tar"), "."]);
    return await docker.cli("import", "--change", `LABEL ${TEST_LABEL_ARG}`, path.join(dir, "layer.tar"), ...(ref ? [ref] : []));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Pushes the image of `row` with its row button; resolves to the dialog once the push succeeded. */
async function pushFromRow(page: Page, row: Locator): Promise<Locator> {
  await row.getByTestId("row-push").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("push-submit").click();
  await expect(dialog.getByTestId("transfer-ok")).toBeVisible({ timeout: 30_000 });
  return dialog;
}

/** Pulls `ref` through the images list's pull dialog; resolves to the dialog once the pull succeeded. */
async function pullThroughDialog(page: Page, ref: string): Promise<Locator> {
  await page.getByTestId("images-pull").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("pull-ref").fill(ref);
  await dialog.getByTestId("pull-submit").click();
  await expect(dialog.getByTestId("transfer-ok")).toBeVisible({ timeout: 30_000 });
  return dialog;
}

test("push to and pull from a local registry with progress; a wrong name shows the registry's error", async ({ adminPage, docker }) => {
  const t = token();
  const ref = `${REGISTRY}/berth-e2e/${t}:v1`;
  await importRandomImage(docker, 3_000_000, ref);
  try {
    // Push from the images list.
    await adminPage.goto(`/images?q=${t}`);
    const row = adminPage.locator(`[data-testid="image-row"][data-tags~="${ref}"]`);
    await expect(row).toBeVisible();
    let dialog = await pushFromRow(adminPage, row);
    await expect(dialog.getByTestId("transfer-layers").locator("li")).not.toHaveCount(0);
    await expect(dialog.getByTestId("transfer-total")).toContainText(/1\/1 layers.*[KMG]iB/);
    await dialog.getByRole("button", { name: "Close" }).first().click();

    // Remove the local tag, then pull it back through the pull dialog.
    await docker.cli("rmi", ref);
    await expect(row).toHaveCount(0);
    dialog = await pullThroughDialog(adminPage, ref);
    await expect(dialog.getByTestId("transfer-ok")).toContainText(ref);
    await expect(dialog.getByTestId("transfer-total")).toContainText(/1\/1 layers.*[KMG]iB/);
    expect(await docker.cli("image", "inspect", ref, "--format", "{{.Id}}")).toMatch(/^sha256:/);
    // The list updates live (image events → resources-changed).
    await expect(row).toBeVisible();

    // A name the registry does not have: its own words, not a generic failure.
    await dialog.getByTestId("pull-ref").fill(`${REGISTRY}/berth-e2e/${t}-missing:v1`);
    await dialog.getByTestId("pull-submit").click();
    await expect(dialog.getByTestId("transfer-error")).toContainText(/manifest unknown|not found/);
  } finally {
    await docker.cli("rmi", ref).catch(() => undefined);
  }
});

test("image detail shows config and history; removing an image a container uses shows Docker's reason", async ({ adminPage, docker }) => {
  const t = token();
  const ref = `berth-e2e-${t}:v1`;
  await docker.cli("tag", FIXTURE_IMAGE, ref);
  try {
    // A container that uses it by this name, so `rmi <ref>` (without force) is refused.
    await docker.run({ name: `${t}-user`, start: false });
    const id = await docker.cli("image", "inspect", ref, "--format", "{{.Id}}");
    await adminPage.goto(`/images/${encodeURIComponent(id)}`);
    await expect(adminPage.getByTestId("image-title")).toBeVisible();
    await expect(adminPage.getByText(ref, { exact: true }).first()).toBeVisible();
    await expect(adminPage.getByTestId("image-history").locator("tbody tr")).not.toHaveCount(0);

    await adminPage.goto(`/images?q=${FIXTURE_IMAGE.split(":")[0]}`);
    const row = adminPage.locator(`[data-testid="image-row"][data-tags~="${FIXTURE_IMAGE}"]`);
    await row.getByTestId("row-remove").click();
    await adminPage.getByRole("dialog").getByTestId("confirm-action").click();
    // The fixture image has several tags and a container: Docker refuses and says why.
    await expect(adminPage.getByText(/must be forced|must force|is using its referenced image|image is being used/).first()).toBeVisible();
    expect(await docker.cli("image", "inspect", FIXTURE_IMAGE, "--format", "{{.Id}}")).toBe(id);
  } finally {
    await docker.cli("rmi", ref).catch(() => undefined);
  }
});

test("a registry that needs a login: the pull shows its auth error; with credentials saved in Registries, push and pull work", async ({
  adminPage,
  adminApi,
  docker,
}) => {
  const t = token();
  const ref = `${AUTH_REGISTRY}/berth-e2e/${t}:v1`;
  const forgetLogin = async () => {
    const saved = (await (await adminApi.get("/api/v1/registries")).json()) as { id: number; serverAddress: string }[];
    for (const r of saved.filter((r) => r.serverAddress === AUTH_REGISTRY)) expect((await adminApi.delete(`/api/v1/registries/${r.id}`)).status()).toBe(204);
  };
  await forgetLogin();
  await importRandomImage(docker, 1_000_000, ref);
  try {
    // No saved login: the registry's own refusal, passed through by Docker.
    await adminPage.goto(`/images?q=${t}`);
    await adminPage.getByTestId("images-pull").click();
    let dialog = adminPage.getByRole("dialog");
    await dialog.getByTestId("pull-ref").fill(ref);
    await dialog.getByTestId("pull-submit").click();
    await expect(dialog.getByTestId("transfer-error")).toContainText(/no basic auth credentials|unauthorized|authentication required/);
    await adminPage.keyboard.press("Escape");

    // Save the login in Registries settings; the password never comes back to the browser.
    await adminPage.goto("/images/registries");
    await adminPage.getByLabel("Registry host").fill(AUTH_REGISTRY);
    await adminPage.getByLabel("Username").fill(authLogin.user);
    await adminPage.getByLabel("Password or token").fill(authLogin.password);
    await adminPage.getByRole("button", { name: "Save" }).click();
    await expect(adminPage.getByText(`Saved credentials for ${AUTH_REGISTRY}`)).toBeVisible();
    await expect(adminPage.getByTestId("registry-row").filter({ hasText: AUTH_REGISTRY })).toContainText(authLogin.user);
    expect(await (await adminApi.get("/api/v1/registries")).text()).not.toContain(authLogin.password);

    // Push from the list, then remove the local copy and pull it back: both send the saved login.
    await adminPage.goto(`/images?q=${t}`);
    const row = adminPage.locator(`[data-testid="image-row"][data-tags~="${ref}"]`);
    dialog = await pushFromRow(adminPage, row);
    await expect(dialog.getByTestId("transfer-total")).toContainText(/1\/1 layers.*[KMG]iB/);
    await dialog.getByRole("button", { name: "Close" }).first().click();
    await docker.cli("rmi", ref);
    await expect(row).toHaveCount(0);
    await pullThroughDialog(adminPage, ref);
    expect(await docker.cli("image", "inspect", ref, "--format", "{{.Id}}")).toMatch(/^sha256:/);
  } finally {
    await docker.cli("rmi", ref).catch(() => undefined);
    await forgetLogin();
  }
});

/**
 * A loopback registry in front of REGISTRY that passes everything through but trickles blob
 * downloads (16 kB per 100 ms), so a pull stays in "Downloading" long enough to cancel. Counts the
 * blob downloads the client (the daemon) walked away from before the end.
 */
async function trickleRegistry(): Promise<{ addr: string; abandoned: () => number; close: () => void }> {
  let abandoned = 0;
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      { host: "127.0.0.1", port: Number(REGISTRY.split(":")[1]), method: req.method, path: req.url, headers: { ...req.headers, host: REGISTRY } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        if (req.method !== "GET" || !/\/blobs\//.test(req.url ?? "")) return void up.pipe(res);
        const chunks: Buffer[] = [];
        up.on("data", (c: Buffer) => chunks.push(c));
        up.on("end", () => {
          const body = Buffer.concat(chunks);
          let sent = 0;
          const timer = setInterval(() => {
            if (sent < body.length) {
              res.write(body.subarray(sent, sent + 16_384));
              sent += 16_384;
            } else {
              clearInterval(timer);
              res.end();
            }
          }, 100);
          res.on("close", () => {
            clearInterval(timer);
            if (!res.writableFinished) abandoned++;
          });
        });
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { addr: `127.0.0.1:${(server.address() as AddressInfo).port}`, abandoned: () => abandoned, close: () => void server.close() };
}

test("a running pull can be cancelled: the daemon stops downloading, the dialog says cancelled, the audit trail has it", async ({
  adminPage,
  adminApi,
  docker,
}) => {
  const t = token();
  const source = `${REGISTRY}/berth-e2e/${t}:v1`;
  await importRandomImage(docker, 1_500_000, source);
  await docker.cli("push", source);
  await docker.cli("rmi", source);
  const slow = await trickleRegistry();
  const ref = `${slow.addr}/berth-e2e/${t}:v1`;
  try {
    await adminPage.goto("/images");
    await adminPage.getByTestId("images-pull").click();
    const dialog = adminPage.getByRole("dialog");
    await dialog.getByTestId("pull-ref").fill(ref);
    await dialog.getByTestId("pull-submit").click();
    await expect(dialog.getByTestId("transfer-layers")).toContainText("Downloading");

    await dialog.getByTestId("transfer-cancel").click();
    await expect(dialog.getByTestId("transfer-cancelled")).toContainText(`the pull of ${ref} was stopped`);
    await expect(dialog.getByTestId("pull-submit")).toHaveText("Pull again");
    // Berth ended its request, so the daemon cancelled the pull and dropped the blob download midway.
    await expect.poll(slow.abandoned, { message: "the daemon abandons the layer download" }).toBeGreaterThan(0);
    await expect(docker.cli("image", "inspect", ref)).rejects.toThrow(/No such image/);

    const audited = async () => {
      const entries = (await (await adminApi.get("/api/v1/audit?limit=200")).json()) as { action: string; target: string; outcome: string; detail?: string }[];
      return entries.filter((e) => e.target === `local/${ref}`).map((e) => `${e.action} ${e.outcome} ${e.detail ?? ""}`.trim());
    };
    await expect.poll(audited).toEqual(expect.arrayContaining(["image.pull.cancel ok", "image.pull error Cancelled before it finished"]));
  } finally {
    slow.close();
    await docker.cli("rmi", ref).catch(() => undefined);
  }
});

test("image detail page: remove refused with Docker's reason, tag (validated), push with progress, force remove", async ({ adminPage, docker }) => {
  const t = token();
  const local = `berth-e2e-${t}:v1`;
  const pushed = `${REGISTRY}/berth-e2e/${t}:v2`;
  const id = await importRandomImage(docker, 1_500_000, local);
  // A stopped container that uses it: removing its only tag without force is refused.
  docker.track(await docker.cli("create", "--label", TEST_LABEL_ARG, local, "/payload.bin"));
  try {
    await adminPage.goto(`/images/${encodeURIComponent(id)}`);
    await expect(adminPage.getByTestId("image-title")).toHaveText(local);

    await adminPage.getByTestId("image-remove").click();
    await adminPage.getByRole("dialog").getByTestId("confirm-action").click();
    await expect(adminPage.getByText(/container \w+ is using its referenced image/)).toBeVisible();
    expect(await docker.cli("image", "inspect", local, "--format", "{{.Id}}")).toBe(id);

    // Tag: a bad reference is named before Docker sees it; a good one shows up in the tags.
    await adminPage.getByTestId("image-tag").click();
    let dialog = adminPage.getByRole("dialog");
    await dialog.getByTestId("tag-target").fill("Not A/Ref!");
    await dialog.getByTestId("tag-submit").click();
    await expect(
      dialog.getByText("Repository and tag is not an image reference: use name[:tag], such as nginx:1.27 or registry.example.com/team/app:v2."),
    ).toBeVisible();
    await dialog.getByTestId("tag-target").fill(pushed);
    await dialog.getByTestId("tag-submit").click();
    await expect(adminPage.getByText(`Tagged as ${pushed}`)).toBeVisible();
    await expect(adminPage.getByText(pushed, { exact: true }).first()).toBeVisible();

    // Push the new tag with the same live progress as the list page.
    await adminPage.getByTestId("image-push").click();
    dialog = adminPage.getByRole("dialog");
    await dialog.getByTestId("push-tag").selectOption(pushed);
    await dialog.getByTestId("push-submit").click();
    await expect(dialog.getByTestId("transfer-ok")).toBeVisible({ timeout: 30_000 });
    await expect(dialog.getByTestId("transfer-total")).toContainText(/1\/1 layers.*[KMG]iB/);
    await dialog.getByRole("button", { name: "Close" }).first().click();

    // Force removes it despite the container and both tags; the page goes back to the list.
    await adminPage.getByTestId("image-remove").click();
    dialog = adminPage.getByRole("dialog");
    await dialog.getByTestId("remove-force").click();
    await dialog.getByTestId("confirm-action").click();
    await expect(adminPage).toHaveURL(/\/images$/);
    await expect(docker.cli("image", "inspect", local)).rejects.toThrow(/No such image/);
  } finally {
    await docker.cli("rmi", "-f", id).catch(() => undefined);
  }
});

test("image prune previews a dangling image with its size, then shows the space it reclaimed", async ({ adminPage, docker }) => {
  // Imported without a tag: dangling, 2.5 MB (2.4 MiB) of its own (no layer shared with anything).
  const id = await importRandomImage(docker, 2_500_000);
  const short = id.replace(/^sha256:/, "").slice(0, 12);
  try {
    await adminPage.goto("/images?filter=dangling");
    await expect(adminPage.locator(`[data-testid="image-row"][data-id="${id}"]`)).toBeVisible();
    await adminPage.getByTestId("images-prune").click();
    const dialog = adminPage.getByRole("dialog");
    await expect(dialog.getByTestId("prune-mode")).toHaveValue("dangling");
    const item = dialog.getByTestId("prune-items").locator("li").filter({ hasText: short });
    await expect(item).toContainText(`<none> (${short})`);
    await expect(item).toContainText("2.4 MiB");
    await expect(dialog.getByTestId("prune-summary")).toContainText(/frees at least \d/);
    // Prune only this run's images (?label=berth.test=<run>), not every dangling image other runs or the host
    // have on this engine: the dialog's request goes out with the label filter added.
    let pruneUrl = "";
    await adminPage.route("**/api/v1/engines/local/images/prune", async (route) => {
      if (route.request().method() !== "POST") return route.fallback();
      const url = new URL(route.request().url());
      url.searchParams.set("label", TEST_LABEL_ARG);
      pruneUrl = url.toString();
      await route.fallback({ url: pruneUrl });
    });
    await dialog.getByTestId("confirm-prune").click();

    // The toast names what went and the space Docker says it reclaimed: at least this image's layer.
    const toast = adminPage.getByText(/^Pruned \d+ images? · [\d.]+ (KiB|MiB|GiB) freed$/);
    await expect(toast).toBeVisible();
    const [, n, unit] = /· ([\d.]+) (KiB|MiB|GiB) freed/.exec((await toast.textContent()) ?? "")!;
    // One decimal is shown: allow its rounding (2.38 MiB reads "2.4 MiB").
    expect((Number(n) + 0.05) * { KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 }[unit as "KiB" | "MiB" | "GiB"]).toBeGreaterThanOrEqual(2_500_000);
    await expect(adminPage.locator(`[data-testid="image-row"][data-id="${id}"]`)).toHaveCount(0);
    await expect(docker.cli("image", "inspect", id)).rejects.toThrow(/No such image/);
    expect(new URL(pruneUrl).searchParams.get("label")).toBe(TEST_LABEL_ARG);
  } finally {
    await docker.cli("rmi", "-f", id).catch(() => undefined);
  }
});

test("POST images/prune?label= removes only the dangling images with that label; a malformed label is a 400", async ({ adminApi, docker }) => {
  const mark = `prune${randomBytes(4).toString("hex")}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-e2e-img-"));
  const ids: string[] = [];
  try {
    for (const extra of [`LABEL berth.e2e.prune=${mark}`, "LABEL berth.e2e.prune=other"]) {
      fs.writeFileSync(path.join(dir, "payload.bin"), randomBytes(10_000));
      await execFileP("tar", ["-C", dir, "-cf", path.join(os.tmpdir(), `${mark}.tar`), "payload.bin"]);
      ids.push(await docker.cli("import", "--change", `LABEL ${TEST_LABEL_ARG}`, "--change", extra, path.join(os.tmpdir(), `${mark}.tar`)));
    }
    const [mine, other] = ids as [string, string];

    const bad = await adminApi.post("/api/v1/engines/local/images/prune?label==oops", { data: { mode: "dangling" } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "invalid_input", message: expect.stringContaining("label") });

    const res = await adminApi.post(`/api/v1/engines/local/images/prune?label=${encodeURIComponent(`berth.e2e.prune=${mark}`)}`, {
      data: { mode: "dangling" },
    });
    expect(res.status(), await res.text()).toBe(200);
    expect((await res.json()).removed).toEqual([mine]);
    await expect(docker.cli("image", "inspect", mine)).rejects.toThrow(/No such image/);
    expect(JSON.parse(await docker.cli("image", "inspect", other))[0].Id).toBe(other);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(path.join(os.tmpdir(), `${mark}.tar`), { force: true });
    for (const id of ids) await docker.cli("rmi", "-f", id).catch(() => undefined);
  }
});

test("create a network with a subnet, connect a container with a static IP and see it", async ({ adminPage, docker }) => {
  const t = token();
  const name = `${t}-net`;
  const octet = 100 + (parseInt(t.slice(3, 5), 16) % 150);
  const subnet = `10.231.${octet}.0/24`;
  const c = await docker.run({ name: `${t}-c` });
  try {
    await adminPage.goto("/networks");
    await adminPage.getByTestId("networks-create").click();
    const dialog = adminPage.getByRole("dialog");
    await dialog.getByTestId("net-name").fill(name);
    await dialog.getByTestId("net-subnet").fill(subnet);
    // A gateway outside the subnet is caught before Docker sees it, naming the field.
    await dialog.getByTestId("net-gateway").fill("10.9.9.1");
    await dialog.getByTestId("net-submit").click();
    await expect(dialog.getByText(`10.9.9.1 is not inside the subnet ${subnet}`)).toBeVisible();
    await dialog.getByTestId("net-gateway").fill(`10.231.${octet}.1`);
    await dialog.getByTestId("net-labels").fill(TEST_LABEL_ARG);
    await dialog.getByTestId("net-submit").click();
    await expect(dialog).toHaveCount(0);

    const row = adminPage.locator(`[data-testid="network-row"][data-name="${name}"]`);
    await expect(row).toContainText(subnet);
    await row.getByTestId("network-link").click();
    await adminPage.getByTestId("network-connect").click();
    const connect = adminPage.getByRole("dialog");
    await connect.getByTestId("connect-container").selectOption(c.name);
    await connect.getByTestId("connect-ip").fill(`10.231.${octet}.50`);
    await connect.getByTestId("connect-submit").click();
    const endpoint = adminPage.locator(`[data-testid="endpoint-row"][data-name="${c.name}"]`);
    await expect(endpoint.getByTestId("endpoint-ipv4")).toHaveText(`10.231.${octet}.50/24`);
    const inspected = await docker.inspect(c.id);
    expect(inspected.NetworkSettings.Networks[name].IPAddress).toBe(`10.231.${octet}.50`);

    // Removing it while a container is attached: Docker's reason in the toast.
    await adminPage.getByTestId("network-remove").click();
    await adminPage.getByRole("dialog").getByTestId("confirm-action").click();
    await expect(adminPage.getByText(/active endpoints/)).toBeVisible();

    // bridge/host/none have no remove button.
    await adminPage.goto("/networks");
    await expect(adminPage.locator('[data-testid="network-row"][data-name="bridge"]').getByTestId("row-remove")).toHaveCount(0);
  } finally {
    await docker.cli("rm", "-f", c.id).catch(() => undefined);
    await docker.cli("network", "rm", name).catch(() => undefined);
  }
});

test("create a dual-stack network: IPv6 subnet and gateway checked before Docker, both pools created", async ({ adminPage, docker }) => {
  const t = token();
  const name = `${t}-dual`;
  const octet = 100 + (parseInt(t.slice(5, 7), 16) % 150);
  const v4 = `10.232.${octet}.0/24`;
  const v6 = `fd00:e2e:${octet.toString(16)}::/64`;
  try {
    await adminPage.goto("/networks");
    await adminPage.getByTestId("networks-create").click();
    const dialog = adminPage.getByRole("dialog");
    await dialog.getByTestId("net-name").fill(name);
    await dialog.getByTestId("net-subnet").fill(v4);
    await expect(dialog.getByTestId("net-ipv6-fields")).toHaveCount(0);
    await dialog.getByRole("checkbox", { name: "IPv6" }).click();
    await dialog.getByTestId("net-ipv6-subnet").fill(v6);
    await dialog.getByTestId("net-ipv6-gateway").fill("fd00:ffff::1");
    await dialog.getByTestId("net-submit").click();
    await expect(dialog.getByText(`fd00:ffff::1 is not inside the IPv6 subnet ${v6}`)).toBeVisible();
    await dialog.getByTestId("net-ipv6-gateway").fill(v6.replace("::/64", "::1"));
    await dialog.getByTestId("net-labels").fill(TEST_LABEL_ARG);
    await dialog.getByTestId("net-submit").click();
    await expect(dialog).toHaveCount(0);

    const row = adminPage.locator(`[data-testid="network-row"][data-name="${name}"]`);
    await expect(row).toContainText(v4);
    await expect(row).toContainText(v6);
    const inspected = JSON.parse(await docker.cli("network", "inspect", name, "--format", "{{json .}}"));
    expect(inspected.EnableIPv6).toBe(true);
    expect(inspected.IPAM.Config).toEqual([{ Subnet: v4 }, { Subnet: v6, Gateway: v6.replace("::/64", "::1") }].map((c) => expect.objectContaining(c)));
  } finally {
    await docker.cli("network", "rm", name).catch(() => undefined);
  }
});

test("volume: write a file, back up, restore into a new volume, read it back; prune preview and refused removal", async ({ adminPage, adminApi, docker }) => {
  const t = token();
  const vol = `${t}-data`;
  const restored = `${t}-restored`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "berth-e2e-"));
  try {
    // Labelled with this run's id: another live run's set-up leaves it alone, and this run's teardown
    // removes it if the `finally` below cannot (a helper still mounting it).
    const created = await adminApi.post("/api/v1/engines/local/volumes", { data: { name: vol, labels: { [TEST_LABEL]: TEST_RUN } } });
    expect(created.status()).toBe(201);
    await docker.cli(
      "run",
      "--rm",
      "--label",
      TEST_LABEL_ARG,
      "-v",
      `${vol}:/data`,
      FIXTURE_IMAGE,
      "sh",
      "-c",
      `mkdir -p /data/sub && echo hello-${t} > /data/sub/note.txt && head -c 200000 /dev/urandom > /data/blob.bin`,
    );

    // Browse read-only, then back up from the detail page.
    await adminPage.goto(`/volumes/${vol}`);
    await expect(adminPage.locator('[data-testid="file-row"][data-name="blob.bin"]')).toContainText("195.3 KiB");
    await adminPage.locator('[data-testid="file-row"][data-name="sub"]').getByRole("button").click();
    await expect(adminPage.locator('[data-testid="file-row"][data-name="note.txt"]')).toBeVisible();
    const [download] = await Promise.all([adminPage.waitForEvent("download"), adminPage.getByTestId("volume-backup").click()]);
    const backup = path.join(tmp, "backup.tar.gz");
    await download.saveAs(backup);
    expect(fs.statSync(backup).size).toBeGreaterThan(1000);

    // Restore into a new volume through the list page's dialog.
    await adminPage.goto("/volumes");
    await adminPage.getByTestId("volumes-restore").click();
    const dialog = adminPage.getByRole("dialog");
    await dialog.getByTestId("restore-name").fill(restored);
    await dialog.getByTestId("restore-file").setInputFiles(backup);
    await dialog.getByTestId("restore-submit").click();
    await expect(adminPage.getByText(`Restored into volume ${restored}`)).toBeVisible();
    const file = await adminApi.get(`/api/v1/engines/local/volumes/${restored}/file?path=sub/note.txt`);
    expect(await file.text()).toBe(`hello-${t}\n`);
    // No helper container is left behind.
    await expect.poll(() => docker.cli("ps", "-aq", "--filter", "label=berth.helper=1", "--filter", `label=berth.helper.volume=${restored}`)).toBe("");
    // Restoring into a volume that is not empty is refused.
    const again = await adminApi.post(`/api/v1/engines/local/volumes/${restored}/restore`, {
      data: fs.readFileSync(backup),
      headers: { "content-type": "application/gzip" },
    });
    expect(again.status()).toBe(409);
    // `..` never reaches Docker.
    const escape = await adminApi.get(`/api/v1/engines/local/volumes/${vol}/files?path=../../etc`);
    expect(escape.status()).toBe(400);

    // Links in a volume are shown, never followed: not to the helper's files, not inside the volume either.
    await docker.cli(
      "run",
      "--rm",
      "--label",
      TEST_LABEL_ARG,
      "-v",
      `${vol}:/data`,
      FIXTURE_IMAGE,
      "sh",
      "-c",
      "ln -s /etc /data/abs && ln -s ../../.. /data/sub/up && ln -s sub /data/in",
    );
    const listed = await adminApi.get(`/api/v1/engines/local/volumes/${vol}/files?path=/`);
    expect((await listed.json()).entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "abs", type: "symlink", linkTarget: "/etc" }),
        expect.objectContaining({ name: "in", type: "symlink", linkTarget: "sub" }),
      ]),
    );
    for (const [p, message] of [
      ["/abs", "Path /abs is a symbolic link to a path outside the volume: Berth does not follow links."],
      ["/abs/hostname", "Path /abs is a symbolic link to a path outside the volume: Berth does not follow links."],
      ["/sub/up/etc", "Path /sub/up is a symbolic link to a path outside the volume: Berth does not follow links."],
      ["/in", "Path /in is a symbolic link to /sub in this volume: Berth does not follow links."],
    ]) {
      const res = await adminApi.get(`/api/v1/engines/local/volumes/${vol}/files?path=${encodeURIComponent(p!)}`);
      expect(res.status(), p).toBe(400);
      expect((await res.json()).error.message).toBe(message);
    }
    const viaLink = await adminApi.get(`/api/v1/engines/local/volumes/${vol}/file?path=/abs/hostname`);
    expect(viaLink.status()).toBe(400);
    // A file asked as a folder, and the reverse: sentences, no engine storage paths.
    const fileAsDir = await adminApi.get(`/api/v1/engines/local/volumes/${vol}/files?path=/blob.bin`);
    expect(fileAsDir.status()).toBe(400);
    expect((await fileAsDir.json()).error.message).toBe("Path /blob.bin is a file, not a folder: download it instead.");
    const dirAsFile = await adminApi.get(`/api/v1/engines/local/volumes/${vol}/file?path=/sub`);
    expect(dirAsFile.status()).toBe(400);
    expect(await dirAsFile.text()).not.toContain("/var/lib/docker");

    // A restore archive with a way out is refused before anything is written.
    const evil = path.join(tmp, "evil");
    fs.mkdirSync(evil);
    fs.writeFileSync(path.join(evil, "ok.txt"), "fine");
    fs.symlinkSync("../../../etc", path.join(evil, "out"));
    const evilTar = path.join(tmp, "evil.tar");
    await execFileP("tar", ["-cf", evilTar, "-C", evil, "."]);
    const refused = await adminApi.post(`/api/v1/engines/local/volumes/${t}-evil/restore?create=true`, {
      data: fs.readFileSync(evilTar),
      headers: { "content-type": "application/x-tar" },
    });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error).toMatchObject({
      code: "invalid_archive",
      message: 'The archive is refused: link "./out" points outside the volume. Nothing was written.',
    });
    expect(await docker.cli("volume", "ls", "-q", "--filter", `name=^${t}-evil$`)).toBe("");

    // Labels in Berth's own namespace are refused: a user label cannot pass for a Berth helper.
    const reserved = await adminApi.post("/api/v1/engines/local/volumes", { data: { name: `${t}-reserved`, labels: { "berth.helper": "1" } } });
    expect(reserved.status()).toBe(400);
    expect((await reserved.json()).error).toMatchObject({
      field: "labels",
      message: "Labels may not use berth.helper: labels starting with “berth.” are reserved for Berth.",
    });
    const reservedNet = await adminApi.post("/api/v1/engines/local/networks", { data: { name: `${t}-reserved`, labels: { "berth.helper": "1" } } });
    expect(reservedNet.status()).toBe(400);

    // Prune preview lists the unused volume with its size (the prune itself would touch every unused volume on the engine).
    await adminPage.getByTestId("volumes-prune").click();
    const prune = adminPage.getByRole("dialog");
    await expect(prune.getByTestId("prune-items")).toContainText(vol);
    await expect(prune.getByTestId("prune-summary")).toContainText(/frees at least \d/);
    await prune.getByRole("button", { name: "Cancel" }).click();

    // Removing a volume a container uses: Docker's reason.
    const user = await docker.cli("run", "-d", "--label", TEST_LABEL_ARG, "-v", `${vol}:/data`, FIXTURE_IMAGE, "sleep", "600");
    docker.track(user);
    await adminPage.goto(`/volumes/${vol}`);
    await adminPage.getByTestId("volume-remove").click();
    await adminPage.getByRole("dialog").getByTestId("confirm-action").click();
    await expect(adminPage.getByText(/volume is in use/)).toBeVisible();
  } finally {
    // The open detail page keeps asking for file listings, and each one mounts the volume in a
    // short-lived helper: leave the page first, or a late helper keeps the volume from going.
    await adminPage.goto("about:blank").catch(() => undefined);
    await docker
      .cli("ps", "-aq", "--filter", `volume=${vol}`)
      .then((ids) => (ids ? docker.cli("rm", "-f", ...ids.split("\n")) : ""))
      .catch(() => undefined);
    await docker.cli("volume", "rm", "-f", vol, restored).catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("system page: engine info, disk usage, prune preview, live events", async ({ adminPage, docker }) => {
  await adminPage.goto("/system");
  await expect(adminPage.getByText("Storage driver")).toBeVisible();
  await expect(adminPage.getByTestId("df-table")).toContainText("Images");
  await expect(adminPage.getByTestId("df-chart").locator("svg").first()).toBeVisible();

  await adminPage.getByTestId("system-prune").click();
  const dialog = adminPage.getByRole("dialog");
  await expect(dialog.getByTestId("system-prune-total")).toContainText(/Frees at least \d/);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  const c = await docker.run({ start: false });
  await expect(adminPage.locator(`[data-testid="event-row"][data-type="container"][data-action="create"]`).filter({ hasText: c.name })).toBeVisible();
});

test("viewers see lists but no mutating buttons", async ({ viewerPage }) => {
  await viewerPage.goto("/images");
  await expect(viewerPage.getByTestId("image-row").first()).toBeVisible();
  await expect(viewerPage.getByTestId("images-pull")).toHaveCount(0);
  await expect(viewerPage.getByTestId("row-remove")).toHaveCount(0);
  // The fixture image, not the first row: other tests add and remove images meanwhile.
  await viewerPage.locator(`[data-testid="image-row"][data-tags~="${FIXTURE_IMAGE}"]`).getByTestId("image-link").click();
  await expect(viewerPage.getByTestId("image-history").locator("tbody tr").first()).toBeVisible();
  await expect(viewerPage.getByTestId("image-tag")).toHaveCount(0);
  await expect(viewerPage.getByTestId("image-push")).toHaveCount(0);
  await expect(viewerPage.getByTestId("image-remove")).toHaveCount(0);
  await viewerPage.goto("/networks");
  await expect(viewerPage.getByTestId("networks-create")).toHaveCount(0);
  await viewerPage.goto("/volumes");
  await expect(viewerPage.getByTestId("volumes-create")).toHaveCount(0);
});

test("volume forms: an existing name is refused in the dialog, a failed restore shows the server's reason, the folder is in the URL, a text file previews", async ({
  adminPage,
  adminApi,
  docker,
}) => {
  const t = token();
  const vol = `${t}-forms`;
  const corrupt = `${t}-corrupt`;
  try {
    const created = await adminApi.post("/api/v1/engines/local/volumes", { data: { name: vol, labels: { [TEST_LABEL]: TEST_RUN } } });
    expect(created.status()).toBe(201);
    await docker.cli(
      "run",
      "--rm",
      "--label",
      TEST_LABEL_ARG,
      "-v",
      `${vol}:/data`,
      FIXTURE_IMAGE,
      "sh",
      "-c",
      `mkdir -p /data/sub && echo hello-${t} > /data/sub/note.txt`,
    );

    // Docker answers 201 for a name that exists; Berth says so and the dialog stays open.
    await adminPage.goto("/volumes");
    await expect(adminPage.getByTestId("sizes-measured")).toContainText("sizes measured");
    await adminPage.getByTestId("volumes-create").click();
    const create = adminPage.getByRole("dialog");
    await create.getByTestId("vol-name").fill(vol);
    await create.getByTestId("vol-submit").click();
    await expect(create.getByRole("alert")).toHaveText(`A volume named ${vol} already exists: choose another name, or use the existing volume.`);
    await create.getByRole("button", { name: "Cancel" }).click();

    // Restoring into a volume that is not empty: refused before the upload is read, and the reason reaches the dialog.
    await adminPage.getByTestId("volumes-restore").click();
    const restore = adminPage.getByRole("dialog");
    const junk = { name: "broken.tar.gz", mimeType: "application/gzip", buffer: Buffer.from("this is not a tar archive\n".repeat(20_000)) };
    await restore.getByTestId("restore-name").fill(vol);
    await restore.getByTestId("restore-file").setInputFiles(junk);
    await restore.getByTestId("restore-submit").click();
    await expect(restore.getByTestId("restore-error")).toHaveText(
      `Restore into ${vol} failed: Volume ${vol} is not empty: restore into a new or empty volume.`,
    );
    // A corrupt archive into a new volume: checked before anything is written, the reason (not "Network error"), and no volume made for it.
    await restore.getByTestId("restore-name").fill(corrupt);
    await restore.getByTestId("restore-submit").click();
    await expect(restore.getByTestId("restore-error")).toHaveText(
      `Restore into ${corrupt} failed: The file is not a valid .tar or .tar.gz archive: it has an invalid tar header.`,
    );
    await expect(restore.getByTestId("restore-error")).not.toContainText(/network error/i);
    await expect.poll(() => docker.cli("volume", "ls", "-q", "--filter", `name=^${corrupt}$`)).toBe("");
    await restore.getByRole("button", { name: "Cancel" }).click();

    // The open folder is in the URL and survives a reload; a text file opens in a preview.
    await adminPage.goto(`/volumes/${vol}`);
    await adminPage.locator('[data-testid="file-row"][data-name="sub"]').getByRole("button").click();
    await expect(adminPage).toHaveURL(new RegExp(`/volumes/${vol}\\?path=%2Fsub$`));
    await adminPage.reload();
    await adminPage.locator('[data-testid="file-row"][data-name="note.txt"]').getByTestId("file-open").click();
    await expect(adminPage.getByRole("dialog").getByTestId("file-preview")).toHaveText(`hello-${t}`);
    await expect(adminPage.getByRole("dialog").getByTestId("file-download")).toHaveAttribute("href", /\/file\?path=%2Fsub%2Fnote\.txt$/);
    await adminPage.keyboard.press("Escape");
    await adminPage.goBack();
    await expect(adminPage).toHaveURL(new RegExp(`/volumes/${vol}$`));
    await expect(adminPage.locator('[data-testid="file-row"][data-name="sub"]')).toBeVisible();
  } finally {
    await adminPage.goto("about:blank").catch(() => undefined);
    await docker.cli("volume", "rm", "-f", vol, corrupt).catch(() => undefined);
  }
});

test("images, networks, volumes and a volume's page fit a 390 px phone without sideways scroll", async ({ adminPage, adminApi }) => {
  const vol = `${token()}-phone-with-a-rather-long-name-for-a-phone`;
  try {
    expect((await adminApi.post("/api/v1/engines/local/volumes", { data: { name: vol, labels: { [TEST_LABEL]: TEST_RUN } } })).status()).toBe(201);
    await adminPage.setViewportSize({ width: 390, height: 844 });
    const fits = () => adminPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    for (const [url, row] of [
      ["/images", "image-row"],
      ["/networks", "network-row"],
      ["/volumes", "volume-row"],
    ] as const) {
      await adminPage.goto(url);
      await expect(adminPage.getByTestId(row).first()).toBeVisible();
      expect(await fits(), `${url} scrolls sideways at 390 px`).toBe(true);
    }
    // Row actions stay reachable: the image row's menu opens with its actions.
    await adminPage.goto("/images");
    await adminPage.getByTestId("image-row").first().getByTestId("row-menu").click();
    await expect(adminPage.getByRole("menuitem", { name: "Remove" })).toBeVisible();
    await adminPage.keyboard.press("Escape");
    await adminPage.goto(`/volumes/${vol}`);
    await expect(adminPage.getByTestId("volume-files")).toBeVisible();
    expect(await fits(), "the volume page scrolls sideways at 390 px").toBe(true);
  } finally {
    await adminPage.goto("about:blank").catch(() => undefined);
    await adminApi.delete(`/api/v1/engines/local/volumes/${vol}?force=true`).catch(() => undefined);
  }
});

test("a create whose start fails leaves no container behind and says so; berth.* labels are refused on create", async ({ adminApi, docker }) => {
  const name = `${token()}-nostart`;
  try {
    const res = await adminApi.post("/api/v1/engines/local/containers?start=true", {
      data: { image: FIXTURE_IMAGE, name, cmd: ["/no-such-binary"], labels: { [TEST_LABEL]: TEST_RUN } },
    });
    expect(res.status()).toBeGreaterThanOrEqual(400);
    expect((await res.json()).error.message).toMatch(/^The container was created but did not start, so it was removed again: .*no-such-binary/);
    expect(await docker.cli("ps", "-aq", "--filter", `name=^/${name}$`)).toBe("");
    const reserved = await adminApi.post("/api/v1/engines/local/containers", { data: { image: FIXTURE_IMAGE, labels: { "berth.helper": "1" } } });
    expect(reserved.status()).toBe(400);
    expect((await reserved.json()).error.field).toBe("labels");
  } finally {
    await docker.cli("rm", "-f", name).catch(() => undefined);
  }
});
