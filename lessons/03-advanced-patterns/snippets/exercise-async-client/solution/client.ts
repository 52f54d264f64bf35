import * as zmq from "zeromq";

const client = new zmq.Dealer();
client.connect("tcp://127.0.0.1:5555");
const started = Date.now();

// Send all five: a DEALER does not wait for a reply before the next send.
for (let job = 1; job <= 5; job++) {
  await client.send([`${job}`]);
}

// Then collect five replies. The job id in each one says which job it answers.
for (let n = 0; n < 5; n++) {
  const [jobId, result] = await client.receive();
  console.log(`reply to job ${jobId}: ${result}`);
}

console.log(`5 replies in ${Date.now() - started} ms`);
client.close();
