// Byte-level interop with Confluent's Node Avro serdes.
//   node wire.mjs encode <registryUrl> <schemaFile> <subject>
//     prints the hex of the serializer's output (magic byte, schema id, Avro body) for the
//     record in fixed-request.json
//   node wire.mjs decode <registryUrl> <hex> [topic]
//     prints the record decoded from those bytes as canonical JSON (sorted keys, timestamps
//     as epoch millis); topic (default wire.requests) names the subject <topic>-value
// NodeInteropIT compares both with llm-fleet's Java serde.
import { readFileSync } from 'node:fs';
import { canonical, deserializer, registryClient, serializerFor } from './serdes.mjs';

const FIXED_REQUEST = new URL('./fixed-request.json', import.meta.url);

async function encode(registryUrl, schemaFile, subject) {
  if (!subject.endsWith('-value')) {
    throw new Error(`subject ${subject} is not a topic-name value subject (<topic>-value)`);
  }
  const topic = subject.slice(0, -'-value'.length);
  const record = JSON.parse(readFileSync(FIXED_REQUEST, 'utf8'));
  const { serializer } = await serializerFor(registryClient(registryUrl), subject, schemaFile);
  const bytes = await serializer.serialize(topic, record);
  return bytes.toString('hex');
}

async function decode(registryUrl, hex, topic = 'wire.requests') {
  const record = await deserializer(registryClient(registryUrl)).deserialize(topic, Buffer.from(hex, 'hex'));
  return JSON.stringify(canonical(record));
}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'encode' && args.length === 3) {
    console.log(await encode(...args));
  }
  else if (command === 'decode' && (args.length === 2 || args.length === 3)) {
    console.log(await decode(...args));
  }
  else {
    console.error('usage: wire.mjs encode <registryUrl> <schemaFile> <subject> | decode <registryUrl> <hex> [topic]');
    process.exit(2);
  }
}
catch (error) {
  console.error(error);
  process.exit(1);
}
