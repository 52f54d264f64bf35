import * as zmq from "zeromq";

const sub = new zmq.Subscriber({ receiveTimeout: 1500 });
sub.connect("tcp://127.0.0.1:5555");
sub.subscribe("alerts");

let alerts = 0;
let other = 0;
try {
  for (;;) {
    const [topic, body] = await sub.receive(); // ends with EAGAIN after 1.5 s of silence
    if (topic.toString() === "alerts" && body) {
      alerts++;
      console.log(`alert: ${JSON.parse(body.toString()).text}`);
    } else {
      other++;
    }
  }
} catch {
  // no message for 1.5 s: the publisher is done
}
console.log(`received ${alerts} alerts, ${other} other messages`);
sub.close();
