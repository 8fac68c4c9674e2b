// Starts the islands of a family's page (`src/islands`): once the browser is idle, so that the
// page's own content and fonts come first, it loads the islands' wasm, then hands each
// `<leptos-island>` the server wrote to the island function of its name. scripts/build-islands
// writes this file as `islands-start-<hash>.js`, HASH replaced by the wasm's content hash.
import init, * as islands from './islands-HASH.js';

const whenIdle = window.requestIdleCallback ?? ((start) => setTimeout(start, 1));

whenIdle(async () => {
  await init({ module_or_path: '/islands-HASH_bg.wasm' });
  islands.hydrate();
  for (const island of document.querySelectorAll('leptos-island')) {
    const start = islands[island.dataset.component];
    if (start) start(island);
    else console.error(`no island ${island.dataset.component} in this build`);
  }
});
