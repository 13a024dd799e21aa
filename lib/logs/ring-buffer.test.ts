import { describe, expect, it } from "vitest";
import { RingBuffer } from "./ring-buffer";

const id = (s: string) => s;

describe("RingBuffer", () => {
  it("keeps order and drops the oldest past the bound, counting them", () => {
    const rb = new RingBuffer<number>(3);
    expect(rb.push(1)).toBe(0);
    rb.push(2);
    rb.push(3);
    expect(rb.push(4)).toBe(1);
    rb.push(5);
    expect(rb.toArray()).toEqual([3, 4, 5]);
    expect(rb.length).toBe(3);
    expect(rb.evicted).toBe(2);
    expect(rb.first()).toBe(3);
    expect(rb.last()).toBe(5);
    expect(rb.at(3)).toBeUndefined();
  });

  it("wraps many times without losing order", () => {
    const rb = new RingBuffer<number>(1000);
    for (let i = 0; i < 123_456; i++) rb.push(i);
    const arr = rb.toArray();
    expect(arr).toHaveLength(1000);
    expect(arr[0]).toBe(122_456);
    expect(arr[999]).toBe(123_455);
    expect(rb.evicted).toBe(122_456);
  });

  it("tells the holder about each dropped item, and puts a lead item first in a snapshot", () => {
    const dropped: number[] = [];
    const rb = new RingBuffer<number>(3, (n) => dropped.push(n));
    for (let i = 1; i <= 7; i++) rb.push(i);
    expect(dropped).toEqual([1, 2, 3, 4]);
    expect(rb.toArray(0)).toEqual([0, 5, 6, 7]);
    expect(rb.toArray()).toEqual([5, 6, 7]);
  });

  it("rejects a useless capacity", () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });

  it("clear empties and resets the count", () => {
    const rb = new RingBuffer<number>(2);
    rb.push(1);
    rb.push(2);
    rb.push(3);
    rb.clear();
    expect(rb.length).toBe(0);
    expect(rb.evicted).toBe(0);
  });
});

describe("insertSorted (merge-insert)", () => {
  it("appends an in-order batch", () => {
    const rb = new RingBuffer<string>(10);
    rb.insertSorted(["a", "b"], id);
    rb.insertSorted(["c", "d"], id);
    expect(rb.toArray()).toEqual(["a", "b", "c", "d"]);
  });

  it("merges a late batch of another source into place", () => {
    const rb = new RingBuffer<string>(10);
    rb.insertSorted(
      ["a1", "a3", "a5", "a7"].map((s) => s.replace("a", "")),
      id,
    );
    rb.insertSorted(["2", "4", "6", "8"], id);
    expect(rb.toArray()).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
  });

  it("keeps held items before equal keys of a later batch (arrival order on ties)", () => {
    const rb = new RingBuffer<{ k: string; n: number }>(10);
    const key = (x: { k: string }) => x.k;
    rb.insertSorted(
      [
        { k: "1", n: 0 },
        { k: "2", n: 1 },
      ],
      key,
    );
    rb.insertSorted(
      [
        { k: "1", n: 2 },
        { k: "2", n: 3 },
      ],
      key,
    );
    expect(rb.toArray().map((x) => x.n)).toEqual([0, 2, 1, 3]);
  });

  it("drops the oldest overall when a merge overflows the bound", () => {
    const rb = new RingBuffer<string>(4);
    rb.insertSorted(["2", "4", "6"], id);
    expect(rb.insertSorted(["1", "3", "5"], id)).toBe(2);
    expect(rb.toArray()).toEqual(["3", "4", "5", "6"]);
    expect(rb.evicted).toBe(2);
  });

  it("works across the wrap point", () => {
    const rb = new RingBuffer<string>(5);
    for (const s of ["0", "1", "2", "4", "6", "8"]) rb.push(s);
    rb.insertSorted(["5", "7"], id);
    expect(rb.toArray()).toEqual(["4", "5", "6", "7", "8"]);
  });
});
