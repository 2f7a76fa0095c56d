// @ts-check
/**
 * At most one animation frame in flight: many events in one frame cost one read phase and one write
 * phase, and the page's layout is never forced in between. `now()` runs the pass at once instead
 * (a fresh report for a keystroke: its underlines are painted in the very next frame, not two frames
 * later), at most once between two animation frames; a second call waits for the frame.
 * @module
 */

/**
 * @param {Window} view
 * @param {import('./contain.js').Guarded} wrap   error containment for the frame callback
 * @param {() => boolean} frame  one read + write pass; true asks for the next frame too
 * @param {() => boolean} stopped  no new frames once true (after destroy)
 * @returns {{schedule: () => void, now: () => void, cancel: () => void}}
 */
export function createFrameLoop(view, wrap, frame, stopped) {
  let rafId = 0;
  let ranEarly = false; // now() ran since the last animation frame
  const onFrame = wrap(() => {
    rafId = 0;
    ranEarly = false;
    if (frame()) schedule();
  });
  function schedule() {
    if (!rafId && !stopped()) rafId = view.requestAnimationFrame(onFrame);
  }
  const early = wrap(() => {
    if (frame()) schedule();
  });
  function now() {
    if (stopped()) return;
    if (ranEarly) {
      schedule();
      return;
    }
    ranEarly = true;
    early();
    schedule(); // the next frame clears ranEarly (and does the usual pass)
  }
  return {
    schedule,
    now,
    cancel: () => { if (rafId) view.cancelAnimationFrame(rafId); },
  };
}
