import { describe, expect, it } from "vitest";
import { decideFire, type IncidentState } from "./incidents";

const HOUR = 3_600_000;
const T0 = 1_800_000_000_000;

describe("decideFire", () => {
  it("opens a new incident, notified unless silenced, when there is none", () => {
    expect(decideFire(undefined, T0, HOUR, false)).toEqual({ kind: "open", notify: true });
    expect(decideFire(undefined, T0, HOUR, true)).toEqual({ kind: "open", notify: false });
  });

  it("counts a repeat on the open incident without notifying again inside the interval", () => {
    const open: IncidentState = { id: 7, status: "firing", notifiedAt: T0 };
    expect(decideFire(open, T0 + 60_000, HOUR, false)).toEqual({ kind: "repeat", id: 7, reopen: false, notify: false });
    expect(decideFire(open, T0 + HOUR - 1, HOUR, false)).toMatchObject({ notify: false });
  });

  it("re-notifies an incident still open once the interval has passed since the last notification", () => {
    const open: IncidentState = { id: 7, status: "firing", notifiedAt: T0 };
    expect(decideFire(open, T0 + HOUR, HOUR, false)).toEqual({ kind: "repeat", id: 7, reopen: false, notify: true });
    expect(decideFire(open, T0 + HOUR, HOUR, true)).toMatchObject({ kind: "repeat", notify: false });
    // A shorter interval set by an admin applies at once.
    expect(decideFire(open, T0 + 120_000, 60_000, false)).toMatchObject({ notify: true });
  });

  it("re-opens an incident that resolved less than an interval ago (a flapping container), else opens a new one", () => {
    const resolved: IncidentState = { id: 7, status: "resolved", resolvedAt: T0 + 2_000, notifiedAt: T0 };
    expect(decideFire(resolved, T0 + 4_000, HOUR, false)).toEqual({ kind: "repeat", id: 7, reopen: true, notify: false });
    expect(decideFire(resolved, T0 + 2_000 + HOUR, HOUR, false)).toEqual({ kind: "open", notify: true });
  });

  it("notifies the first unsilenced occurrence of an incident that was only ever silenced", () => {
    const quiet: IncidentState = { id: 9, status: "resolved", resolvedAt: T0 + 1_000 };
    expect(decideFire(quiet, T0 + 5_000, HOUR, false)).toEqual({ kind: "repeat", id: 9, reopen: true, notify: true });
  });
});
