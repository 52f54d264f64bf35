// Print a message frame by frame: text when printable, else hex.
export function show(frames: Buffer[]): string {
  const shown = frames.map((f) =>
    /^[\x20-\x7e]*$/.test(f.toString("latin1")) ? JSON.stringify(f.toString()) : `0x${f.toString("hex")}`,
  );
  return `${frames.length} frame${frames.length === 1 ? "" : "s"}: [${shown.join(", ")}]`;
}
