import * as net from "node:net";

// A tiny TCP relay: the client connects here (port 5556), we connect to the
// server (port 5555) and copy bytes both ways, untouched. On the side, we cut
// each direction's byte stream into ZMTP pieces and print them as a hex dump.

function hexDump(bytes: Buffer): string {
  const lines: string[] = [];
  for (let at = 0; at < bytes.length; at += 16) {
    const row = bytes.subarray(at, at + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, "0")).join(" ");
    const text = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".")).join("");
    lines.push(`    ${at.toString(16).padStart(4, "0")}  ${hex.padEnd(47)}  ${text}`);
  }
  return lines.join("\n");
}

/** READY's body is a list of properties: name (1-byte length), value (4-byte length). */
function properties(body: Buffer): string {
  const found: string[] = [];
  for (let at = 0; at < body.length; ) {
    const nameLength = body[at]!;
    const name = body.subarray(at + 1, at + 1 + nameLength).toString();
    const valueLength = body.readUInt32BE(at + 1 + nameLength);
    const start = at + 5 + nameLength;
    found.push(`${name}=${body.subarray(start, start + valueLength).toString()}`);
    at = start + valueLength;
  }
  return found.join(", ");
}

/** Returns a function that takes the bytes of one direction as they come. */
function zmtpDecoder(direction: string) {
  let pending = Buffer.alloc(0);
  let greeted = false;
  return (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      if (!greeted) {
        if (pending.length < 64) return; // the greeting is always 64 bytes
        const greeting = pending.subarray(0, 64);
        const mechanism = greeting.subarray(12, 32).toString().replace(/\0+$/, "");
        console.log(`${direction}  greeting, 64 bytes`);
        console.log(hexDump(greeting));
        console.log(`    = signature ff…7f, ZMTP ${greeting[10]}.${greeting[11]}, mechanism ${mechanism}, as-server ${greeting[32]}`);
        pending = pending.subarray(64);
        greeted = true;
        continue;
      }
      if (pending.length < 2) return;
      const flags = pending[0]!;
      const long = (flags & 0x02) !== 0; // size in 8 bytes instead of 1
      const headerLength = long ? 9 : 2;
      if (pending.length < headerLength) return;
      const size = long ? Number(pending.readBigUInt64BE(1)) : pending[1]!;
      if (pending.length < headerLength + size) return;
      const piece = pending.subarray(0, headerLength + size);
      const body = piece.subarray(headerLength);
      if (flags & 0x04) {
        const name = body.subarray(1, 1 + body[0]!).toString();
        const detail = name === "READY" ? `: ${properties(body.subarray(1 + body[0]!))}` : "";
        console.log(`${direction}  command ${name}, ${piece.length} bytes${detail}`);
      } else {
        const more = flags & 0x01 ? "more" : "last";
        const text = size === 0 ? "(empty)" : JSON.stringify(body.toString());
        console.log(`${direction}  message frame (${more}), ${size} bytes: ${text}`);
      }
      console.log(hexDump(piece));
      pending = pending.subarray(piece.length);
    }
  };
}

const relay = net.createServer((client) => {
  client.pause(); // read nothing until the server side is connected
  client.on("error", () => client.destroy());
  const server = net.connect(5555, "127.0.0.1");
  server.on("error", (err) => {
    console.log(`relay: cannot reach the server (${(err as NodeJS.ErrnoException).code}); the client will retry`);
    client.destroy();
  });
  server.on("connect", () => {
    const fromClient = zmtpDecoder("client → server");
    const fromServer = zmtpDecoder("server → client");
    client.on("data", (chunk) => {
      fromClient(chunk);
      server.write(chunk);
    });
    server.on("data", (chunk) => {
      fromServer(chunk);
      client.write(chunk);
    });
    client.on("end", () => server.end());
    server.on("end", () => client.end());
    client.on("close", () => {
      server.destroy();
      relay.close(); // one conversation is all this demo needs
      console.log("relay: connection closed");
    });
    client.resume();
  });
});
relay.listen(5556, "127.0.0.1", () => console.log("relay: listening on 5556, forwarding to 5555"));
