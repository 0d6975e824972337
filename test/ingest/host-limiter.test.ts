import { describe, expect, it, vi } from "vitest";
import { createHostLimiter } from "../../src/ingest/host-limiter";

/** A promise with its resolve/reject exposed. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((r) => setImmediate(r));

describe("createHostLimiter", () => {
  it("runs one task at a time per host, in arrival order", async () => {
    const limiter = createHostLimiter(4);
    const started: string[] = [];
    const a = deferred();
    const b = deferred();
    const p1 = limiter.run("example.com", async () => {
      started.push("first");
      await a.promise;
      return 1;
    });
    const p2 = limiter.run("EXAMPLE.com", async () => {
      started.push("second");
      await b.promise;
      return 2;
    });
    await flush();
    expect(started).toEqual(["first"]);
    expect(limiter.queued).toBe(1);
    a.resolve();
    expect(await p1).toBe(1);
    await flush();
    expect(started).toEqual(["first", "second"]);
    b.resolve();
    expect(await p2).toBe(2);
    expect(limiter.active).toBe(0);
  });

  it("caps global concurrency and lets other hosts pass a busy one", async () => {
    const limiter = createHostLimiter(2);
    const gates = new Map<string, ReturnType<typeof deferred<void>>>();
    const running = new Set<string>();
    let peak = 0;
    const task = (name: string) => async () => {
      running.add(name);
      peak = Math.max(peak, running.size);
      const gate = deferred();
      gates.set(name, gate);
      await gate.promise;
      running.delete(name);
      return name;
    };
    const all = [
      limiter.run("a.example", task("a1")),
      limiter.run("a.example", task("a2")),
      limiter.run("b.example", task("b1")),
      limiter.run("c.example", task("c1")),
    ];
    await flush();
    expect([...running].sort()).toEqual(["a1", "b1"]);
    gates.get("b1")!.resolve();
    await flush();
    expect([...running].sort()).toEqual(["a1", "c1"]);
    gates.get("a1")!.resolve();
    await flush();
    expect([...running].sort()).toEqual(["a2", "c1"]);
    gates.get("a2")!.resolve();
    gates.get("c1")!.resolve();
    expect(await Promise.all(all)).toEqual(["a1", "a2", "b1", "c1"]);
    expect(peak).toBe(2);
  });

  it("propagates failures (also synchronous throws) and frees the slot", async () => {
    const limiter = createHostLimiter(1);
    await expect(limiter.run("x.example", async () => Promise.reject(new Error("boom")))).rejects.toThrow(
      "boom",
    );
    await expect(
      limiter.run("x.example", () => {
        throw new Error("sync");
      }),
    ).rejects.toThrow("sync");
    expect(await limiter.run("x.example", async () => "after")).toBe("after");
    expect(limiter.active).toBe(0);
  });

  it("keeps a host resting for minGapMs after each request, without holding up other hosts", async () => {
    vi.useFakeTimers();
    try {
      const limiter = createHostLimiter(4, 500);
      const started: string[] = [];
      const p1 = limiter.run("a.example", async () => void started.push("a1"));
      const p2 = limiter.run("a.example", async () => void started.push("a2"));
      const p3 = limiter.run("b.example", async () => void started.push("b1"));
      await vi.advanceTimersByTimeAsync(0);
      expect(started).toEqual(["a1", "b1"]);
      await vi.advanceTimersByTimeAsync(499);
      expect(started).toEqual(["a1", "b1"]);
      await vi.advanceTimersByTimeAsync(1);
      expect(started).toEqual(["a1", "b1", "a2"]);
      await Promise.all([p1, p2, p3]);
    } finally {
      vi.useRealTimers();
    }
  });
});
