// Scripts run inside the page (plain JavaScript strings: tsx's name helpers do not exist in the browser).

export interface ScrollSample {
  /** From setting scrollTop until every row in the viewport showed its data. */
  settledMs: number;
  /** The longest run of consecutive animation frames with at least one skeleton (or missing) row. */
  maxBlankMs: number;
  frames: number;
  /** The longest interval between two animation frames (a long one is a stutter even without skeletons). */
  longestFrameMs: number;
}

/**
 * Scrolls the runs table either in one jump (a scrollbar drag) so that row `row` (0-based) is at the
 * top, or, with `rows` > 0, from where it is by `step` rows per animation frame (a fast wheel); samples
 * every frame: a frame is blank when a row that should be on screen is a skeleton or not rendered.
 */
export function scrollProbe({ row, rows, step, timeoutMs }: { row: number; rows: number; step: number; timeoutMs: number }): string {
  return `new Promise((resolve, reject) => {
    const rowHeight = 36;
    const scroller = document.querySelector('[data-testid="runs-scroller"]');
    if (!scroller) return reject(new Error('no runs table'));
    const visibleRows = Math.floor((scroller.clientHeight - rowHeight) / rowHeight);
    const isBlank = () => {
      const first = Math.floor(scroller.scrollTop / rowHeight);
      for (let i = first; i < first + visibleRows; i++) {
        const tr = scroller.querySelector('tr[aria-rowindex="' + (i + 2) + '"]');
        if (!tr || tr.getAttribute('data-loaded') !== 'true') return true;
      }
      return false;
    };
    const startRow = ${rows > 0 ? 'Math.round(scroller.scrollTop / rowHeight)' : row};
    const target = startRow + ${rows};
    const started = performance.now();
    let blankSince = null, maxBlank = 0, frames = 0, position = startRow, previous = started, longestFrame = 0;
    scroller.scrollTop = startRow * rowHeight;
    const frame = (now) => {
      frames++;
      longestFrame = Math.max(longestFrame, now - previous);
      previous = now;
      if (isBlank()) {
        if (blankSince === null) blankSince = now;
        maxBlank = Math.max(maxBlank, now - blankSince);
      } else blankSince = null;
      const arrived = position >= target;
      if (arrived && blankSince === null) return resolve({ settledMs: now - started, maxBlankMs: maxBlank, frames, longestFrameMs: longestFrame });
      if (now - started > ${timeoutMs}) return reject(new Error('rows at ' + position + ' still blank after ${timeoutMs} ms'));
      if (!arrived) {
        position = Math.min(target, position + ${step});
        scroller.scrollTop = position * rowHeight;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })`;
}

/** Resolves after the next frame has been painted and a task could run: the main thread is free. */
export const nextIdleFrame = 'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))';

/** Resolves once `selector` matches at least `count` elements (checked every frame). */
export function countProbe(selector: string, count: number, timeoutMs: number): string {
  return `new Promise((resolve, reject) => {
    const started = performance.now();
    const check = () => {
      if (document.querySelectorAll(${JSON.stringify(selector)}).length >= ${count}) return resolve(true);
      if (performance.now() - started > ${timeoutMs}) return reject(new Error('fewer than ${count} of ${selector.replaceAll("'", '')} after ${timeoutMs} ms'));
      requestAnimationFrame(check);
    };
    check();
  })`;
}
