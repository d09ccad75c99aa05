// A batch job written only with clients nobody in llm-fleet wrote: kafkajs and Confluent's
// Node Avro serdes.
//   node roundtrip.mjs <bootstrapServers> <registryUrl> <n> <requestSchemaFile> <replyTopic>
// Creates the private reply topic (the fleet's broker does not auto-create topics), produces
// n InferenceRequests to fleet.requests (key: request_id) whose reply_to is that topic, reads
// every InferenceResult from it, and prints one JSON summary on stdout:
//   {"sent":n,"received":n,"duplicates":0,"statuses":{"OK":n},"tiers":{...},"ids_match":true}
// Exits 1 when a result is missing after the time limit or an id does not match.
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { canonical, deserializer, registryClient, serializerFor, stderrLogCreator } from './serdes.mjs';

const REQUESTS_TOPIC = 'fleet.requests';
const RESULTS_TIMEOUT_MS = Number(process.env.ROUNDTRIP_TIMEOUT_MS ?? 90_000);

// One prompt per tier of the default catalogue, so the classifier has to read what we wrote.
const PROMPTS = [
  (i) => `What is the capital of country number ${i}?`,
  (i) => `Write a Python function that returns the ${i}th Fibonacci number.`,
  (i) => `Prove step by step that the sum of the first ${i} odd numbers is a square.`,
];

const [bootstrapServers, registryUrl, countText, schemaFile, replyTopic] = process.argv.slice(2);
if (!replyTopic) {
  console.error('usage: roundtrip.mjs <bootstrapServers> <registryUrl> <n> <requestSchemaFile> <replyTopic>');
  process.exit(2);
}
const count = Number.parseInt(countText, 10);
const runId = randomUUID();

const kafka = new Kafka({
  clientId: 'llm-fleet-node-interop',
  brokers: bootstrapServers.split(','),
  logLevel: logLevel.WARN,
  logCreator: stderrLogCreator(),
});
const registry = registryClient(registryUrl);
const admin = kafka.admin();
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
// kafkajs reads committed data unless readUncommitted is set; the fleet writes some results
// inside transactions, so an uncommitted read could see a result that is later aborted.
const consumer = kafka.consumer({ groupId: `node-interop-${runId}`, readUncommitted: false });

function request(i) {
  return {
    request_id: `node-${runId}-${i}`,
    batch_id: `node-${runId}`,
    tenant: null,
    reply_to: replyTopic,
    messages: [{ role: 'user', content: PROMPTS[i % PROMPTS.length](i) }],
    model: null,
    tier_hint: null,
    allow_fallback: true,
    options: null,
    priority: 0,
    created_at: Date.now(),
    deadline_at: null,
    metadata: { source: 'node-interop' },
  };
}

async function main() {
  await admin.connect();
  // Fails unless the topic was created now: a reused topic could hold another run's results.
  const created = await admin.createTopics({
    topics: [{ topic: replyTopic, numPartitions: 3, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  if (!created) {
    throw new Error(`reply topic ${replyTopic} already exists`);
  }

  const sent = new Set();
  const results = new Map();
  let duplicates = 0;
  const resultsDeserializer = deserializer(registry);
  let allArrived;
  const arrived = new Promise((resolve) => {
    allArrived = resolve;
  });

  await consumer.connect();
  await consumer.subscribe({ topic: replyTopic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const result = await resultsDeserializer.deserialize(replyTopic, message.value);
      // Workers are at least once: a redelivered request may be answered twice.
      if (results.has(result.request_id)) {
        duplicates++;
      }
      else {
        results.set(result.request_id, { key: message.key?.toString(), result });
      }
      if (results.size >= count) {
        allArrived();
      }
    },
  });

  const { serializer, id } = await serializerFor(registry, `${REQUESTS_TOPIC}-value`, schemaFile);
  await producer.connect();
  const messages = [];
  for (let i = 0; i < count; i++) {
    const value = request(i);
    sent.add(value.request_id);
    messages.push({ key: value.request_id, value: await serializer.serialize(REQUESTS_TOPIC, value) });
  }
  await producer.send({ topic: REQUESTS_TOPIC, messages });

  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), RESULTS_TIMEOUT_MS);
  });
  const outcome = await Promise.race([arrived.then(() => 'complete'), timedOut]);
  clearTimeout(timer);

  const statuses = {};
  const tiers = {};
  let idsMatch = true;
  for (const [requestId, { key, result }] of results) {
    statuses[result.status] = (statuses[result.status] ?? 0) + 1;
    tiers[result.tier ?? 'none'] = (tiers[result.tier ?? 'none'] ?? 0) + 1;
    idsMatch &&= sent.has(requestId) && key === requestId && result.batch_id === `node-${runId}`;
  }
  idsMatch &&= results.size === sent.size;
  const summary = {
    sent: sent.size,
    received: results.size,
    duplicates,
    statuses,
    tiers,
    ids_match: idsMatch,
    schema_id: id,
    outcome,
  };
  const missing = [...sent].filter((requestId) => !results.has(requestId));
  if (missing.length > 0) {
    summary.missing = missing.slice(0, 10);
  }
  const notOk = [...results.values()].find(({ result }) => result.status !== 'OK');
  if (notOk) {
    summary.first_not_ok = canonical(notOk.result);
  }
  console.log(JSON.stringify(summary));
  return idsMatch;
}

let ok = false;
try {
  ok = await main();
}
catch (error) {
  console.error(error);
}
finally {
  await Promise.allSettled([consumer.disconnect(), producer.disconnect(), admin.disconnect()]);
}
process.exit(ok ? 0 : 1);
