// The page's entry point: starts the app's wasm module (which starts the
// store's worker), asks the browser to keep its storage, and registers the
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

keepStorage().catch(() => {});
// index.html has already started the module's download (rel=preload); the
// glue compiles it as it streams in (instantiateStreaming: the relay serves
// it as application/wasm).
await init({ module_or_path: "./@WASM@" });
// Only now, with the app's files in the browser's HTTP cache: the service
// worker's precache takes them from there instead of downloading them again,
// and what it must download itself (the larger icons) does not compete with
// the module on a weak signal.
registerServiceWorker().catch((e) => console.error("service worker", e));
