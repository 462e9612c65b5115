/**
 * The concurrency bound: `-j N` slots, handed to waiting tasks highest priority first (the longest remaining
 * path: critical path first), ties to the lower task index, so the schedule is deterministic.
 */

interface Waiter {
  priority: number;
  index: number;
  resolve: () => void;
  reject: (reason: unknown) => void;
}

export class Slots {
  private free: number;
  private readonly heap: Waiter[] = [];

  constructor(readonly size: number) {
    this.free = size;
  }

  get running(): number {
    return this.size - this.free;
  }

  /** Resolves when a slot is this task's; rejects if `signal` aborts first. */
  acquire(priority: number, index: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    if (this.free > 0 && this.heap.length === 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { priority, index, resolve, reject };
      this.push(waiter);
      signal?.addEventListener(
        'abort',
        () => {
          const at = this.heap.indexOf(waiter);
          if (at === -1) return;
          this.removeAt(at);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  release(): void {
    const next = this.pop();
    if (next !== undefined) next.resolve();
    else this.free++;
  }

  private before(a: Waiter, b: Waiter): boolean {
    return a.priority > b.priority || (a.priority === b.priority && a.index < b.index);
  }

  private push(w: Waiter): void {
    const h = this.heap;
    h.push(w);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private pop(): Waiter | undefined {
    if (this.heap.length === 0) return undefined;
    const top = this.heap[0];
    this.removeAt(0);
    return top;
  }

  private removeAt(at: number): void {
    const h = this.heap;
    const last = h.pop()!;
    if (at === h.length) return;
    h[at] = last;
    // Restore the heap from `at`, up then down.
    let i = at;
    while (i > 0 && this.before(h[i]!, h[(i - 1) >> 1]!)) {
      const parent = (i - 1) >> 1;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
    while (true) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < h.length && this.before(h[l]!, h[best]!)) best = l;
      if (r < h.length && this.before(h[r]!, h[best]!)) best = r;
      if (best === i) break;
      [h[i], h[best]] = [h[best]!, h[i]!];
      i = best;
    }
  }
}
