/**
 * Presses on a lesson block's server HTML before the block is live (PlaygroundIsland): that
 * HTML has no handlers, and is replaced by the live block, so a click or key there would be
 * lost. Like React's own selective hydration, the press is held instead — the block starts
 * going live on the pointer's or key's first sign, the press's default is prevented, and the
 * press is dispatched again on the same element of the live block once that is in — and the
 * live block waits for a press under way to end, so none falls between the two copies.
 */

/** Where an element is in a block: its place among the block's elements, and what it reads as. */
export interface Spot {
  index: number;
  signature: string;
}

export type Press =
  | { type: 'click'; spot: Spot; init: MouseEventInit }
  | { type: 'keydown'; spot: Spot; init: KeyboardEventInit };

/** What a click means something on (the element it is replayed on). */
const ACTIONABLE =
  'button, summary, label, input, select, textarea, [role="button"], [role="tab"], [role="radio"], [role="checkbox"], [role="menuitem"], [role="switch"], [tabindex]';
/** Keys that are the browser's own there: typing in a field. */
const FIELD = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
/** What Enter or Space presses natively: the browser's click follows, and that click is held. */
const ACTIVATES = 'button, summary, input[type="checkbox"], input[type="radio"], input[type="button"], input[type="submit"], input[type="reset"]';
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);
/** After a pointer is lifted: how long its click may take to come (a tap's comes after touchend). */
const CLICK_WAIT_MS = 500;

function signature(element: Element): string {
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 120);
  return [element.tagName, element.getAttribute('role'), element.getAttribute('aria-label'), element.getAttribute('name'), element.getAttribute('value'), text].join('\u0001');
}

export function spotOf(root: Element, element: Element): Spot {
  return { index: [...root.querySelectorAll('*')].indexOf(element), signature: signature(element) };
}

/**
 * The element of `root` at that spot: the one at the same place if it reads the same (the
 * live block renders as the server did, element for element), or else the nearest one that
 * reads the same (client-only state, such as a solved mark, may add an element before it).
 */
export function findSpot(root: Element, spot: Spot): HTMLElement | null {
  const all = [...root.querySelectorAll('*')];
  const same = (element: Element | undefined) => element instanceof HTMLElement && signature(element) === spot.signature;
  if (same(all[spot.index])) return all[spot.index] as HTMLElement;
  let best: HTMLElement | null = null;
  all.forEach((element, index) => {
    if (same(element) && (!best || Math.abs(index - spot.index) < Math.abs(all.indexOf(best) - spot.index))) best = element as HTMLElement;
  });
  return best;
}

function mouseInit(event: MouseEvent): MouseEventInit {
  const { detail, screenX, screenY, clientX, clientY, ctrlKey, shiftKey, altKey, metaKey, button, buttons } = event;
  return { bubbles: true, cancelable: true, composed: true, view: window, detail, screenX, screenY, clientX, clientY, ctrlKey, shiftKey, altKey, metaKey, button, buttons };
}

function keyInit(event: KeyboardEvent): KeyboardEventInit {
  const { key, code, location, repeat, ctrlKey, shiftKey, altKey, metaKey } = event;
  return { bubbles: true, cancelable: true, composed: true, view: window, key, code, location, repeat, ctrlKey, shiftKey, altKey, metaKey };
}

/** A key the browser must have at once: moving the focus, a modifier, typing in a field, or Enter/Space on a button (its click is held). */
function nativeKey(event: KeyboardEvent, target: Element): boolean {
  if (event.key === 'Tab' || MODIFIERS.has(event.key) || event.isComposing || target.closest(FIELD)) return true;
  const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
  return plain && (event.key === 'Enter' || event.key === ' ') && target.closest(ACTIVATES) !== null;
}

export interface HeldPresses {
  /** Resolves once no press is under way (a pointer or key down whose click may still come). */
  settled(): Promise<void>;
  /** The presses held so far, and where the focus is among the block's elements; stops holding. */
  take(): { presses: Press[]; focus: Spot | null };
}

/**
 * Holds the presses on `root` (a block's server HTML): `wake` is called on the first sign of
 * one (a pointer or key down), so the block starts going live before the press ends.
 */
export function holdPresses(root: HTMLElement, wake: () => void): HeldPresses {
  const presses: Press[] = [];
  let pressing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiters: (() => void)[] = [];

  const begin = () => {
    pressing = true;
    clearTimeout(timer);
    wake();
  };
  const end = (wait: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      pressing = false;
      const waiting = waiters;
      waiters = [];
      for (const resolve of waiting) resolve();
    }, wait);
  };
  const hold = (event: Event, press: Press) => {
    event.preventDefault();
    event.stopPropagation();
    presses.push(press);
  };

  const onPointerDown = () => begin();
  const onPointerUp = () => end(CLICK_WAIT_MS);
  const onPressEnd = () => end(0);
  const onClick = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    const element = target?.closest(ACTIONABLE);
    end(0);
    // A link works without the block's code; a click on nothing in particular does nothing.
    if (!target || target.closest('a[href]') || !element || !root.contains(element)) return;
    hold(event, { type: 'click', spot: spotOf(root, element), init: mouseInit(event) });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    begin();
    const target = event.target instanceof Element ? event.target : null;
    if (!target || nativeKey(event, target)) return;
    hold(event, { type: 'keydown', spot: spotOf(root, target), init: keyInit(event) });
  };

  // One signal takes every listener off at once (take()).
  const listening = new AbortController();
  const capture = { capture: true, signal: listening.signal };
  root.addEventListener('pointerdown', onPointerDown, capture);
  root.addEventListener('click', onClick, capture);
  root.addEventListener('keydown', onKeyDown, capture);
  // The press may end elsewhere (the pointer dragged off, the focus moved by Tab, the window left).
  window.addEventListener('pointerup', onPointerUp, capture);
  window.addEventListener('pointercancel', onPressEnd, capture);
  window.addEventListener('keyup', onPressEnd, capture);
  window.addEventListener('blur', onPressEnd, { signal: listening.signal });

  return {
    settled: () => (pressing ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve()),
    take() {
      listening.abort();
      clearTimeout(timer);
      const active = document.activeElement;
      return { presses: presses.splice(0), focus: active && active !== root && root.contains(active) ? spotOf(root, active) : null };
    },
  };
}

/** Gives the focus back and dispatches the held presses, in order, on the live block; one per task, so each sees what the one before did. */
export async function replayPresses(root: HTMLElement, held: { presses: Press[]; focus: Spot | null }) {
  if (held.focus) findSpot(root, held.focus)?.focus({ preventScroll: true });
  for (const press of held.presses) {
    const element = root.isConnected ? findSpot(root, press.spot) : null;
    if (!element) continue;
    element.dispatchEvent(press.type === 'click' ? new MouseEvent('click', press.init) : new KeyboardEvent('keydown', press.init));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
