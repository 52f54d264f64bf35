import * as zmq from "zeromq";

// Every zeromq.js error carries a `code` (the libzmq errno name) and a message.
async function attempt(what: string, action: () => unknown) {
  try {
    await action();
    console.log(`${what.padEnd(44)} ok`);
  } catch (err) {
    const { code, message } = err as { code?: string; message: string };
    console.log(`${what.padEnd(44)} ${code ?? (err as Error).name}: ${message}`);
  }
}

// EAGAIN: "not now". A timeout ran out, or sendTimeout 0 met a full queue.
const pull = new zmq.Pull({ receiveTimeout: 200 });
await pull.bind("tcp://127.0.0.1:5555");
await attempt("receive() with receiveTimeout, nothing sent", () => pull.receive());

const push = new zmq.Push({ sendTimeout: 0 });
await attempt("PUSH send() with sendTimeout 0, no peer", () => push.send("hello"));

// EFSM: "not in this state". REQ/REP lock-step broken.
const rep = new zmq.Reply({ sendTimeout: 0 });
await rep.bind("tcp://127.0.0.1:5556");
await attempt("REP send() before any request", () => rep.send("answer?"));

// EBUSY: a second receive() while one is still pending on the same socket.
const busy = new zmq.Pull();
busy.connect("tcp://127.0.0.1:5557");
const pending = busy.receive();
await attempt("two receive() at once", () => busy.receive());

// A closed socket.
busy.close(); // ends the pending receive() with EAGAIN…
await attempt("the receive() pending at close()", () => pending);
push.close();
await attempt("send() on a closed socket", () => push.send("late"));

// Mistakes in addresses and options.
const other = new zmq.Pull();
await attempt("bind() an address already bound", () => other.bind("tcp://127.0.0.1:5555"));
await attempt("bind() an unknown transport", () => other.bind("tcpp://127.0.0.1:5558"));
const keyed = new zmq.Request();
await attempt("a CURVE key that is not 40 characters", () => {
  keyed.curveServerKey = "too short";
});

for (const socket of [pull, rep, other, keyed]) socket.close();
