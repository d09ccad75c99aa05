// Confluent's Node serdes set up the way the interop scripts use them, plus the canonical
// JSON both scripts print. Shared by roundtrip.mjs and wire.mjs; nothing here is llm-fleet code.
import { readFileSync } from 'node:fs';
import { AvroDeserializer, AvroSerializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';

/** A schema-registry client for one base URL. */
export function registryClient(registryUrl) {
  return new SchemaRegistryClient({ baseURLs: [registryUrl] });
}

/**
 * An AvroSerializer that writes with the schema in `schemaFile` under `subject`.
 *
 * Confluent's Node AvroSerializer takes no schema: with autoRegisterSchemas it registers a
 * schema it infers from the JS value (avsc's Type.forValue, records named Record1, Record2...,
 * no logical types), which is not the fleet's contract. So the schema is registered
 * explicitly (idempotent: the same schema gets the same id) and the serializer is pinned to
 * that id with useSchemaId, the client's own option for writing with a known schema.
 */
export async function serializerFor(client, subject, schemaFile) {
  const schema = readFileSync(schemaFile, 'utf8');
  const id = await client.register(subject, { schemaType: 'AVRO', schema });
  const serializer = new AvroSerializer(client, SerdeType.VALUE, { autoRegisterSchemas: false, useSchemaId: id });
  return { serializer, id };
}

/**
 * An AvroDeserializer that reads with the writer's schema, fetched by the id in the bytes
 * (GET /schemas/ids/{id}?subject=<topic>-value).
 */
export function deserializer(client) {
  return new AvroDeserializer(client, SerdeType.VALUE, {});
}

/**
 * A decoded record as plain JSON with sorted keys, so that two clients' outputs compare as
 * text. Without a logical-type hook avsc reads timestamp-millis as a plain long (a number);
 * a Date, should one appear, is written as its epoch millis too, so both readings agree.
 */
export function canonical(value) {
  if (value instanceof Date) {
    return value.getTime();
  }
  if (typeof value === 'bigint') {
    return Number(value);
  }
  if (Buffer.isBuffer(value)) {
    return value.toString('hex');
  }
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]));
  }
  return value;
}

/** Kafkajs logs through console.info (stdout); the scripts keep stdout for their JSON. */
export function stderrLogCreator() {
  return () => ({ namespace, level, label, log }) => {
    const { message, ...extra } = log;
    process.stderr.write(`[kafkajs ${label} ${namespace}] ${message} ${JSON.stringify(extra)}\n`);
  };
}
