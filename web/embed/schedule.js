// How the widget shares the host page's main thread: its work there (reading the article, drawing
// the card) is cut into steps, and between two steps it gives the thread back, so that no task of
// the widget runs anywhere near the 50 ms that make a "long task" (the Long Tasks API's line, past
// which a reader's click or scroll waits visibly). bench/embed-polite.mjs measures it.
//
// The scheduler, in order of preference:
// 1. `scheduler.yield()` (Chromium 129+): the rest of the widget's work continues in a new task,
//    queued ahead of other ordinary tasks but behind input and rendering.
// 2. `scheduler.postTask()` (Chromium 94+): the same, without the priority boost.
// 3. A MessageChannel message: a new task at once, without the 4 ms clamp nested setTimeout(0)s
//    get. No fixed delay anywhere: a quiet page runs the steps back to back.
//
// A step that loops (the walk over the article) checks its own time with a Slice and yields when
// it has run SLICE_MS; steps that do a fixed, small amount of work (one section of the card) yield
// after each other.

/**
 * How long the widget keeps the main thread before it yields: a fifth of a long task, so that a
 * step measured on a fast machine stays under 50 ms on a laptop four times slower.
 */
export const SLICE_MS = 10;

let channel = null;
const waiting = [];

function viaMessage() {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/** Resolves in a new task, after the page has had its turn (input, rendering, its own tasks). */
export function yieldToPage() {
  const s = globalThis.scheduler;
  if (s && typeof s.yield === 'function') return s.yield();
  if (s && typeof s.postTask === 'function') return s.postTask(() => {});
  if (typeof MessageChannel === 'function') return viaMessage();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A time budget for a loop on the main thread: `await slice.pause()` inside the loop yields to the
 * page once SLICE_MS have passed since the last yield, and is free otherwise. `slice.yields`
 * counts the yields (tests read it to see a long walk was cut).
 */
export class Slice {
  constructor(budgetMs = SLICE_MS) {
    this.budget = budgetMs;
    this.start = performance.now();
    this.yields = 0;
  }

  /** True when the budget is spent (for loops that cannot await at every step). */
  get spent() {
    return performance.now() - this.start >= this.budget;
  }

  /** Yields if the budget is spent, then starts a new one. */
  async pause() {
    if (!this.spent) return;
    await yieldToPage();
    this.yields += 1;
    this.start = performance.now();
  }
}
