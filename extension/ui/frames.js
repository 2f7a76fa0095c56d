// @ts-check
/**
 * At most one animation frame in flight: many events in one frame cost one read phase and one write
 * phase, and the page's layout is never forced in between.
 * @module
 */

/**
 * @param {Window} view
 * @param {import('./contain.js').Guarded} wrap   error containment for the frame callback
 * @param {() => boolean} frame  one read + write pass; true asks for the next frame too
 * @param {() => boolean} stopped  no new frames once true (after destroy)
 * @returns {{schedule: () => void, cancel: () => void}}
 */
export function createFrameLoop(view, wrap, frame, stopped) {
  let rafId = 0;
  const onFrame = wrap(() => {
    rafId = 0;
    if (frame()) schedule();
  });
  function schedule() {
    if (!rafId && !stopped()) rafId = view.requestAnimationFrame(onFrame);
  }
  return {
    schedule,
    cancel: () => { if (rafId) view.cancelAnimationFrame(rafId); },
  };
}
