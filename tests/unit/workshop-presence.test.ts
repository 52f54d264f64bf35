import { describe, expect, it } from "vitest";
import { Presence } from "../../workshop/presence";

describe("workshop presence", () => {
  it("is online while any tab is open, offline the moment the last one closes, unknown for others", () => {
    const presence = new Presence();
    expect(presence.here("a")).toBeUndefined();
    presence.opened("a");
    presence.opened("a");
    presence.opened("b");
    expect([presence.here("a"), presence.online]).toEqual([true, 2]);
    presence.closed("a");
    expect(presence.here("a")).toBe(true);
    presence.closed("a");
    expect([presence.here("a"), presence.online]).toEqual([false, 1]);
    // A tab opened again: online again.
    presence.opened("a");
    expect(presence.here("a")).toBe(true);
    expect(presence.here("c")).toBeUndefined();
  });
});
