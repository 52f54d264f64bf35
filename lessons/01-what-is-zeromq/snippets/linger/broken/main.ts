import * as zmq from "zeromq";

// The server is down: nothing in this run binds tcp://127.0.0.1:5555.
// receiveTimeout makes receive() give up after 1 s instead of waiting forever.
const client = new zmq.Request({ receiveTimeout: 1000 });
client.connect("tcp://127.0.0.1:5555");

await client.send("Hello"); // resolves: the message waits in the socket's queue
console.log("Hello is queued");

try {
  await client.receive();
} catch (err) {
  const { code } = err as { code: string };
  console.log(`no reply within 1 s (${code}), giving up`);
}

client.close();
console.log("socket closed, end of the program");
// …and yet the process does not exit: the closed socket lingers, keeping
// "Hello" for a server that never comes. Look at stderr.
