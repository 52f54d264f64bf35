import * as zmq from "zeromq";

const client = new zmq.Dealer();
client.connect("tcp://127.0.0.1:5555");
const started = Date.now();

// TODO: this DEALER behaves like a REQ: it waits for each reply before the
// next request, so five jobs take five times 300 ms. Send all five first,
// then collect the five replies (in whatever order they come).
for (let job = 1; job <= 5; job++) {
  await client.send([`${job}`]);
  const [jobId, result] = await client.receive();
  console.log(`reply to job ${jobId}: ${result}`);
}

console.log(`5 replies in ${Date.now() - started} ms`);
client.close();
