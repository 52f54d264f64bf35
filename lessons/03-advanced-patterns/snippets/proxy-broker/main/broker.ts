import * as zmq from "zeromq";

// The front end faces the clients (REQ), the back end faces the workers (REP).
const proxy = new zmq.Proxy(new zmq.Router(), new zmq.Dealer());
await proxy.frontEnd.bind("tcp://127.0.0.1:5555");
await proxy.backEnd.bind("tcp://127.0.0.1:5556");
console.log("proxy running: clients on :5555, workers on :5556");

// A real broker runs forever. This one stops after 5 seconds so the run ends;
// terminate() also closes both sockets.
setTimeout(() => proxy.terminate(), 5000);

// run() moves the message pumping to a background thread and resolves when
// the proxy is terminated.
await proxy.run();
console.log("proxy terminated");
