import * as zmq from "zeromq";

// The publisher is done: it waits for one subscriber, then publishes.
const publisher = new zmq.Publisher();
await publisher.bind("tcp://127.0.0.1:5556");

const sync = new zmq.Reply();
await sync.bind("tcp://127.0.0.1:5557");
await sync.receive();
await sync.send("go");
sync.close();

for (const update of [
  "weather.paris 18°C",
  "weatherstation.paris battery low",
  "sports.football 2-1",
  "weather.tokyo 24°C",
  "news.world elections today",
  "weatherman.joke why did the cloud break up?",
  "weather.oslo -2°C",
  "END",
]) {
  await publisher.send(update);
}
publisher.close();
