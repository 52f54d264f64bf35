import * as zmq from "zeromq";

const server = new zmq.Reply({ linger: 1000 }); // closed with replies still queued? they get 1 s to leave
await server.bind("tcp://127.0.0.1:5555");
console.log(`server: pid ${process.pid}, serving`);

// On SIGTERM (what `kill` and most process managers send) or SIGINT (Ctrl-C):
// close the socket. That ends the for-await loop below, and nothing else
// keeps the process alive, so it exits by itself.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    console.log(`server: ${signal}, closing the socket`);
    server.close();
  });
}

// For this demo, the server sends itself a SIGTERM after 600 ms.
setTimeout(() => process.kill(process.pid, "SIGTERM"), 600);

let served = 0;
for await (const [request] of server) {
  await server.send(`reply to ${request.toString()}`);
  served += 1;
}

// Other resources (files, database connections…) would be released here.
console.log(`server: served ${served} requests, exiting cleanly`);
