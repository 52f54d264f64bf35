import * as zmq from "zeromq";

const publisher = new zmq.Publisher();
await publisher.bind("tcp://127.0.0.1:5556");

// A PUB socket does not wait for anyone: a message published before a
// subscriber is connected (and subscribed) is simply lost for it.
// So we first wait until both subscribers say they are ready,
// on a separate REQ/REP channel.
const sync = new zmq.Reply();
await sync.bind("tcp://127.0.0.1:5557");
for (let ready = 0; ready < 2; ready++) {
  await sync.receive();
  await sync.send("go");
}
sync.close();
console.log("2 subscribers ready, publishing");

const updates = [
  "weather.paris 18°C",
  "sports.football 2-1",
  "weather.tokyo 24°C",
  "news.world elections today",
  "weather.paris 19°C",
  "sports.tennis 6-4",
];
for (const update of updates) {
  await publisher.send(update); // one frame; its first bytes are the topic
}
await publisher.send("END");
console.log(`published ${updates.length} updates and END`);

publisher.close();
