// The page's entry point: registers the service worker (so the app opens with
// no network after its first visit), asks the browser to keep its storage,
// and starts the app's wasm module, which starts the store's worker.
import init from "./@GLUE@";

const notice = document.getElementById("app-notice");

function say(words, action) {
  notice.textContent = words;
  if (action) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = action.label;
    button.addEventListener("click", action.run);
    notice.append(" ", button);
  }
  notice.hidden = false;
}

async function keepStorage() {
  if (!navigator.storage || !navigator.storage.persist) return;
  if (await navigator.storage.persisted()) return;
  if (!(await navigator.storage.persist())) {
    say("This browser may clear its records when space runs low: sync often.");
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

async function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  const registration = await navigator.serviceWorker.register("sw.js", { scope: "./" });
  // A new version waits until the person chooses to reload: old and new files never mix.
  if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const installing = registration.installing;
    installing?.addEventListener("statechange", () => {
      if (installing.state === "installed" && navigator.serviceWorker.controller) offerUpdate(installing);
    });
  });
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (updating) location.reload();
  });
}

registerServiceWorker().catch((e) => console.error("service worker", e));
keepStorage().catch(() => {});
await init({ module_or_path: "./@WASM@" });
