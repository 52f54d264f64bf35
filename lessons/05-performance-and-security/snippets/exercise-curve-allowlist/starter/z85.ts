// Z85 (ZeroMQ RFC 32): 4 bytes become 5 printable characters, so a
// 32-byte CURVE key becomes the 40-character text curveKeyPair() returns.
const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

export function z85encode(bytes: Uint8Array): string {
  if (bytes.length % 4 !== 0) throw new Error("Z85 encodes a multiple of 4 bytes");
  let text = "";
  for (let i = 0; i < bytes.length; i += 4) {
    let value = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    let chunk = "";
    for (let j = 0; j < 5; j++) {
      chunk = ALPHABET[value % 85] + chunk;
      value = Math.floor(value / 85);
    }
    text += chunk;
  }
  return text;
}
