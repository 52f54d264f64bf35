// Edit these and run again.
export const MESSAGE_SIZE = 1024; // bytes per message (the article's table: 10, 1024, 10240, 1048576)
export const MESSAGE_COUNT = 100_000; // how many messages
export const BATCH = 1; // messages per send(): 1 = one at a time, 100 = multipart batches of 100 frames
export const ADDRESS = "tcp://127.0.0.1:5555"; // or "ipc://bench.sock"

// The high-water mark counts messages (a whole multipart batch is one), not
// bytes. Keep about 32 MB in each queue whatever the size and the batch, so
// that big messages stay inside the run's 256 MiB of memory.
export const HWM = Math.max(4, Math.floor((32 * 1024 * 1024) / (MESSAGE_SIZE * BATCH)));

// The article's table (C, localhost), to compare with.
export const ARTICLE = [
  { size: 10, msgPerSec: 5_000_000 },
  { size: 1024, msgPerSec: 1_000_000 },
  { size: 10 * 1024, msgPerSec: 500_000 },
  { size: 1024 * 1024, msgPerSec: 10_000 },
];
