// Edit these and run again.
export const MESSAGE_SIZE = 64; // bytes per request and per reply
export const ROUND_TRIPS = 10_000; // how many request/reply round trips to time
export const WARM_UP = 500; // round trips before the clock starts (connections, JIT, caches)
export const ADDRESS = "tcp://127.0.0.1:5555"; // or "ipc://lat.sock"
