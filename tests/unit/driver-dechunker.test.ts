/**
 * The patch in patches/neo4j-driver-bolt-connection+6.3.0.patch is in effect: the Bolt dechunker
 * hands a message that spans several chunks to the unpacker as ONE buffer, not as a
 * CombinedBuffer (whose every byte read walks the list of chunks). See README.md, "Patched
 * dependencies".
 *
 * The modules are loaded with require() from neo4j-driver's own location, so the test sees the
 * very copy of neo4j-driver-bolt-connection the driver loads (CommonJS, no type declarations for
 * these deep paths: the few members used are typed here).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/** The members of the driver's BaseBuffer (lib/buf/base-buf.js) the test reads. */
interface BoltBuffer {
  readonly length: number;
  position: number;
  getUInt8(position: number): number;
}
interface Dechunker {
  onmessage: (message: BoltBuffer) => void;
  write(buf: BoltBuffer): void;
}
interface ChunkingModule {
  Dechunker: new () => Dechunker;
}
interface ChannelBufferModule {
  default: new (bytes: Buffer) => BoltBuffer;
}
interface Utf8Module {
  default: { decode(buffer: BoltBuffer, length: number): string };
}

const requireFromDriver = createRequire(createRequire(import.meta.url).resolve('neo4j-driver'));
const chunking = requireFromDriver(
  'neo4j-driver-bolt-connection/lib/channel/chunking.js',
) as ChunkingModule;
const ChannelBuffer = (
  requireFromDriver(
    'neo4j-driver-bolt-connection/lib/channel/channel-buf.js',
  ) as ChannelBufferModule
).default;
const utf8 = (requireFromDriver('neo4j-driver-bolt-connection/lib/channel/utf8.js') as Utf8Module)
  .default;

/** Bolt framing: each chunk behind its 2-byte big-endian size, then the 0x0000 end marker. */
function frame(chunks: Buffer[]): Buffer {
  const parts = chunks.flatMap((c) => [Buffer.from([c.length >> 8, c.length & 0xff]), c]);
  return Buffer.concat([...parts, Buffer.from([0, 0])]);
}

/** Feeds `wire` to a fresh Dechunker in pieces of `pieceSize` bytes; returns the messages. */
function dechunk(wire: Buffer, pieceSize: number): BoltBuffer[] {
  const dechunker = new chunking.Dechunker();
  const messages: BoltBuffer[] = [];
  dechunker.onmessage = (message) => messages.push(message);
  for (let at = 0; at < wire.length; at += pieceSize) {
    dechunker.write(new ChannelBuffer(wire.subarray(at, at + pieceSize)));
  }
  return messages;
}

function bytesOf(message: BoltBuffer): Buffer {
  return Buffer.from(Array.from({ length: message.length }, (_, i) => message.getUInt8(i)));
}

describe('the patched Bolt dechunker (neo4j-driver-bolt-connection)', () => {
  // Two-byte Cyrillic letters, and the first chunk ends in the middle of one ('Қ' = d3 9a).
  const text = 'Мишустинмен Қазақстан ұлттық компаниясы';
  const bytes = Buffer.from(text, 'utf8');
  const split = bytes.indexOf(Buffer.from('Қ', 'utf8')) + 1;
  const wire = frame([bytes.subarray(0, split), bytes.subarray(split)]);

  it('splits the test message inside a multi-byte character (the test has teeth)', () => {
    expect(bytes.subarray(0, split).toString('utf8')).toMatch(/\uFFFD$/);
  });

  it.each([
    ['in one write', wire.length],
    ['a byte at a time', 1],
    ['in 5-byte pieces', 5],
  ])('emits a two-chunk message as one buffer, not a CombinedBuffer (%s)', (_label, pieceSize) => {
    const messages = dechunk(wire, pieceSize);
    expect(messages).toHaveLength(1);
    const message = messages[0]!;
    expect(Object.prototype.hasOwnProperty.call(message, '_buffers')).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(message, '_buffer')).toBe(true);
    expect(message.length).toBe(bytes.length);
    expect(bytesOf(message).equals(bytes)).toBe(true);
    // The string decoder the unpacker uses reads it back whole.
    message.position = 0;
    expect(utf8.decode(message, message.length)).toBe(text);
  });

  it('still passes a one-chunk message through, and keeps messages apart', () => {
    const one = Buffer.from('Астана', 'utf8');
    const messages = dechunk(Buffer.concat([frame([one]), wire, frame([one])]), 7);
    expect(messages.map((m) => bytesOf(m).toString('utf8'))).toEqual(['Астана', text, 'Астана']);
  });
});
