import { describe, expect, it } from "vitest";
import { isBlockScript, quoteArgv, quoteWord, splitShellScript } from "./shell-words";

describe("quoteWord", () => {
  it("leaves plain words alone", () => {
    for (const w of ["nginx", "-g", "--port=8080", "/usr/bin/env", "a.b,c:d@e%f+g", "user_1"]) expect(quoteWord(w)).toBe(w);
  });
  it("single-quotes words with spaces or shell characters", () => {
    expect(quoteWord("daemon off;")).toBe("'daemon off;'");
    expect(quoteWord("$HOME")).toBe("'$HOME'");
    expect(quoteWord('say "hi"')).toBe(`'say "hi"'`);
    expect(quoteWord("a*b")).toBe("'a*b'");
    expect(quoteWord("~/x")).toBe("'~/x'");
    expect(quoteWord("back\\slash")).toBe("'back\\slash'");
  });
  it("quotes the empty word", () => {
    expect(quoteWord("")).toBe("''");
  });
  it("escapes a single quote the only way POSIX allows", () => {
    expect(quoteWord("it's")).toBe(`'it'\\''s'`);
  });
  it("keeps line breaks inside the quotes", () => {
    expect(quoteWord("a\nb")).toBe("'a\nb'");
  });
});

describe("quoteArgv", () => {
  it("joins quoted words with spaces", () => {
    expect(quoteArgv(["nginx", "-g", "daemon off;"])).toBe("nginx -g 'daemon off;'");
    expect(quoteArgv(["sh", "-c", "while :; do sleep 1; done"])).toBe("sh -c 'while :; do sleep 1; done'");
    expect(quoteArgv(["echo", "", "x"])).toBe("echo '' x");
    expect(quoteArgv([])).toBe("");
  });
});

describe("splitShellScript", () => {
  it("finds the script of sh -c", () => {
    expect(splitShellScript(["sh", "-c", "echo a\necho b"])).toEqual({ before: ["sh", "-c"], script: "echo a\necho b", index: 2, after: [] });
  });
  it("understands shell paths, combined flags, -o values and env", () => {
    expect(splitShellScript(["/bin/bash", "-ec", "x"])?.before).toEqual(["/bin/bash", "-ec"]);
    expect(splitShellScript(["bash", "-o", "pipefail", "-c", "x"])?.index).toBe(4);
    expect(splitShellScript(["/usr/bin/env", "bash", "-c", "x"])?.script).toBe("x");
    expect(splitShellScript(["sh", "-e", "-c", "x", "arg0", "arg1"])?.after).toEqual(["arg0", "arg1"]);
  });
  it("is null for anything else", () => {
    expect(splitShellScript(["nginx", "-c", "x"])).toBeNull();
    expect(splitShellScript(["sh", "script.sh"])).toBeNull();
    expect(splitShellScript(["sh", "-c"])).toBeNull();
    expect(splitShellScript(["sh", "--", "-c", "x"])).toBeNull();
    expect(splitShellScript([])).toBeNull();
  });
});

describe("isBlockScript", () => {
  it("keeps short one-liners inline and shows multi-line or long scripts as a block", () => {
    expect(isBlockScript("while :; do sleep 1; done")).toBe(false);
    expect(isBlockScript("echo a\necho b")).toBe(true);
    expect(isBlockScript("x".repeat(81))).toBe(true);
  });
});
