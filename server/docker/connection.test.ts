import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { connectionFromEnv, describeConnection, dockerOptions, plainEndpoint } from "./connection";

describe("connectionFromEnv (DOCKER_HOST and friends, parsed once)", () => {
  it("reads a unix socket, with the default when DOCKER_HOST is unset", () => {
    expect(connectionFromEnv({})).toEqual({ kind: "socket", socketPath: "/var/run/docker.sock" });
    expect(connectionFromEnv({ DOCKER_HOST: "unix:///run/user/1000/docker.sock" })).toEqual({ kind: "socket", socketPath: "/run/user/1000/docker.sock" });
  });

  it("reads TCP, with TLS material from DOCKER_CERT_PATH when DOCKER_TLS_VERIFY=1", () => {
    expect(connectionFromEnv({ DOCKER_HOST: "tcp://10.0.0.5:2375" })).toEqual({ kind: "tcp", host: "10.0.0.5", port: 2375 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-certs-"));
    try {
      for (const f of ["ca.pem", "cert.pem", "key.pem"]) fs.writeFileSync(path.join(dir, f), `-- ${f} --`);
      const c = connectionFromEnv({ DOCKER_HOST: "tcp://docker.example:2376", DOCKER_TLS_VERIFY: "1", DOCKER_CERT_PATH: dir });
      expect(c).toMatchObject({ kind: "tcp", host: "docker.example", port: 2376 });
      expect(c.kind === "tcp" && c.tls?.cert?.toString()).toBe("-- cert.pem --");
      // The client gets exactly this identity (docker-modem then reads no environment), and the UI no key paths.
      expect(dockerOptions(c)).toMatchObject({ protocol: "https", host: "docker.example", port: 2376 });
      expect(describeConnection(c)).toBe("https://docker.example:2376");
      expect(plainEndpoint(c)).toBeUndefined();
      expect(() => connectionFromEnv({ DOCKER_HOST: "tcp://h:2376", DOCKER_TLS_VERIFY: "1", DOCKER_CERT_PATH: path.join(dir, "none") })).toThrow(
        /DOCKER_CERT_PATH has no readable ca\.pem/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads an SSH target without keeping credentials for the UI", () => {
    const c = connectionFromEnv({ DOCKER_HOST: "ssh://ops@build-3:2222" });
    expect(c).toEqual({ kind: "ssh", host: "build-3", port: 2222, username: "ops" });
    expect(describeConnection(c)).toBe("ssh://build-3:2222");
    expect(dockerOptions(c)).toMatchObject({ protocol: "ssh", host: "build-3", port: 2222, username: "ops" });
  });

  it("refuses what it cannot use, with a sentence", () => {
    expect(() => connectionFromEnv({ DOCKER_HOST: "npipe:////./pipe/docker_engine" })).toThrow(/not supported/);
  });
});
