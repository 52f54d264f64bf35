// Copied to /vendor/monaco/boot.js by scripts/build-vendor.mjs; every page with a playground
// names it in its <head> (app/components/editor/preloadEditor.ts). When a playground is on or
// near the first screen, or the address names one, Monaco (already preloaded) is run now,
// while the page's own scripts are still on their way and the main thread is mostly waiting,
// instead of after the page has hydrated: the editor's start (editor.js takes ~0.4 s to run)
// leaves the critical path. loadMonaco() then finds the module evaluated. Elsewhere it does nothing.
// NEAR_MARGIN_PX of app/components/playground/useNearViewport.ts (this file is a plain script).
const MARGIN = 600;

function wanted() {
  const blocks = [...document.querySelectorAll("[data-playground]")];
  const target = decodeURIComponent(location.hash.slice(1).split("?")[0] || "");
  if (target && blocks.some((block) => block.id === target || block.dataset.playground === target)) return true;
  return blocks.some((block) => {
    const box = block.getBoundingClientRect();
    return box.bottom > -MARGIN && box.top < innerHeight + MARGIN;
  });
}

function start() {
  if (wanted()) import("./editor.js").catch(() => undefined); // loadMonaco() retries and reports
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
