import { describe, expect, it } from "vitest";
import { exitCodeMeaning } from "./exit-code";

describe("exitCodeMeaning", () => {
  it("names the signal of a 128 + n exit", () => {
    expect(exitCodeMeaning(137, false)).toBe("killed by SIGKILL");
    expect(exitCodeMeaning(143, false)).toBe("killed by SIGTERM");
    expect(exitCodeMeaning(158, false)).toBe("killed by signal 30");
  });
  it("says out of memory when the kernel killed it", () => {
    expect(exitCodeMeaning(137, true)).toBe("killed: out of memory");
  });
  it("explains the shell's own codes and leaves the program's alone", () => {
    expect(exitCodeMeaning(127, false)).toBe("command not found");
    expect(exitCodeMeaning(126, false)).toBe("command not executable");
    expect(exitCodeMeaning(0, false)).toBeNull();
    expect(exitCodeMeaning(1, false)).toBeNull();
  });
});
