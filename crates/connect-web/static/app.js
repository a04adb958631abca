// The page's entry point: starts the store's worker, compiles the app's wasm
// module for both and starts it on the page (it takes the worker over), asks the browser to keep its storage, and registers the
// service worker, so the app opens with no network after its first visit.
import init from "./@GLUE@";

const notice = document.getElementById("app-notice");

function say(words, action) {
  notice.textContent = words;
  if (action) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button secondary"; // the app's style: a 44 px target
    button.textContent = action.label;
    button.addEventListener("click", action.run);
    notice.append(" ", button);
  }
  notice.hidden = false;
}

// Set once the person has read the refusal below; Settings goes on saying it
// ("Space on this phone"), so the notice need not come back on every page.
// It holds no resident's data.
const STORAGE_NOTICE_READ = "connect-storage-notice-read";

async function keepStorage() {
  if (!navigator.storage || !navigator.storage.persist) return;
  if (await navigator.storage.persisted()) return;
  // Asked again on each visit: a browser may agree later (once installed, say).
  if (!(await navigator.storage.persist()) && !localStorage.getItem(STORAGE_NOTICE_READ)) {
    say("This browser may clear its records when space runs low: sync often.", {
      label: "Got it",
      run: () => {
        localStorage.setItem(STORAGE_NOTICE_READ, "1");
        notice.hidden = true;
      },
    });
  }
}

// Only a chosen update reloads the page; the first install just takes control.
let updating = false;

function offerUpdate(waiting) {
  say("A new version of the app is ready.", {
    label: "Reload to update",
    run: () => {
      updating = true;
      waiting.postMessage("skip-waiting");
    },
  });
}

/** Offers a new version once it has installed. */
function watch(installing) {
  installing?.addEventListener("statechange", () => {
    if (installing.state === "installed" && navigator.serviceWorker.controller) offerUpdate(installing);
  });
}

async function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  const registration = await navigator.serviceWorker.register("sw.js", { scope: "./" });
  // A new version waits until the person chooses to reload: old and new files never mix.
  if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
  watch(registration.installing);
  registration.addEventListener("updatefound", () => watch(registration.installing));
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (updating) location.reload();
  });
}

/**
 * The module's download on a first visit, passed through as it streams in,
 * saying how far it has come: on a weak signal it takes several seconds.
 * Later visits take it from the service worker's cache, with nothing to say.
 */
async function firstDownload(url, bytes) {
  const root = document.getElementById("app-root");
  const response = await fetch(url);
  if (!response.ok || !response.body) return response;
  let got = 0;
  const counting = new TransformStream({
    transform(chunk, onward) {
      got += chunk.byteLength;
      const done = Math.min(99, Math.floor((100 * got) / bytes));
      root.dataset.status = `Downloading Connect Companion, only this once: ${done}%`;
      onward.enqueue(chunk);
    },
    flush() {
      root.dataset.status = "Opening Connect Companion…";
    },
  });
  return new Response(response.body.pipeThrough(counting), { headers: { "Content-Type": "application/wasm" } });
}

// The store's worker starts now, beside the page's module, not once the
// screens have started: it loads its glue and waits for the module, which the
// page compiles once for both (a compiled module passes to a worker whole),
// so a phone compiles it once and a visit with no network shows the lock
// screen sooner. The page's module takes the worker over (page.rs), with
// what it said meanwhile.
const early = [];
const worker = new Worker(location.search.includes("demo") ? "./worker.js?demo" : "./worker.js", { type: "module" });
worker.onmessage = (event) => early.push(event);
globalThis.connectStoreWorker = { worker, early };

// index.html has already started the module's download (rel=preload), and it
// compiles as it streams in (compileStreaming: the relay serves it as
// application/wasm, and the counting passes it on as such).
const module = await WebAssembly.compileStreaming(
  navigator.serviceWorker?.controller ? fetch("./@WASM@") : firstDownload("./@WASM@", @WASM_BYTES@),
);
worker.postMessage(module);
await init({ module_or_path: module });
// Said once the screens and their styles are there.
keepStorage().catch(() => {});
// Only now, with the app's files in the browser's HTTP cache: the service
// worker's precache takes them from there instead of downloading them again,
// and what it must download itself (the larger icons) does not compete with
// the module on a weak signal.
registerServiceWorker().catch((e) => console.error("service worker", e));
