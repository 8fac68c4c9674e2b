// The one way the end-to-end tests wait for something outside a page (a file, a process, an API
// answer): asked again until it holds, failing with what was awaited. In a page, Playwright's own
// waits (`locator.waitFor`, `page.waitForFunction`) do this.
import assert from 'node:assert/strict';

/** Asks `probe` until it answers something truthy, and returns that answer; fails after
 * `seconds` with `what` was awaited. */
export async function until(what, probe, { seconds = 10, every = 100 } = {}) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const answer = await probe();
    if (answer) return answer;
    if (Date.now() > deadline) assert.fail(`${what}: not within ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}
