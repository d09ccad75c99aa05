"""A batch job in Python against the llm-fleet: N requests in, N results back.

    roundtrip.py <bootstrapServers> <registryUrl> <n> <requestSchemaFile> <replyTopic>

Creates the private reply topic (the fleet's broker does not auto-create topics),
produces n InferenceRequests to fleet.requests (key: request_id as UTF-8, value:
Confluent-framed Avro registered under fleet.requests-value), reads the reply topic
from the beginning with isolation.level=read_committed, decodes each InferenceResult
with the writer's schema from the registry, and prints one JSON summary line:

    {"sent": n, "received": n, "duplicates": 0, "statuses": {"OK": n}, "tiers": {...},
     "ids_match": true, "seconds": 3.2}

Exits 0 when a result arrived for every request and for nothing else, 1 otherwise.
Run by PythonInteropIT with Debian's /usr/bin/python3 (python3-confluent-kafka 1.7.0).
"""

import collections
import datetime
import json
import sys
import time
import uuid

from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition, OFFSET_BEGINNING
from confluent_kafka.admin import AdminClient, NewTopic

import fleet_avro

REQUESTS_TOPIC = "fleet.requests"
REPLY_PARTITIONS = 3
WAIT_SECONDS = 90

COUNTRIES = ["France", "Japan", "Brazil", "Kenya", "Canada", "Norway", "Chile", "India"]
TASKS = ["reverses a linked list", "parses an ISO date", "merges two sorted lists", "counts words in a file"]
CLAIMS = ["the square root of 2 is irrational", "there are infinitely many primes",
          "the sum of two even numbers is even"]


def prompt(index):
    """Prompts of each default tier in turn: fast, code, heavy."""
    kind = index % 3
    if kind == 0:
        return "What is the capital of %s?" % COUNTRIES[index % len(COUNTRIES)]
    if kind == 1:
        return "Write a Python function that %s." % TASKS[index % len(TASKS)]
    return "Prove step by step that %s." % CLAIMS[index % len(CLAIMS)]


def create_reply_topic(bootstrap, topic):
    admin = AdminClient({"bootstrap.servers": bootstrap})
    futures = admin.create_topics([NewTopic(topic, num_partitions=REPLY_PARTITIONS, replication_factor=1)],
                                  operation_timeout=30, request_timeout=30)
    futures[topic].result(timeout=30)


def produce_requests(bootstrap, serializer, schema, n, reply_topic, batch_id):
    producer = Producer({"bootstrap.servers": bootstrap, "acks": "all", "enable.idempotence": True,
                         "linger.ms": 5})
    failures = []

    def delivered(error, message):
        if error is not None:
            failures.append(str(error))

    ids = []
    now = datetime.datetime.now(tz=fleet_avro.UTC)
    for index in range(n):
        request_id = "py-%s-%04d" % (batch_id, index)
        request = fleet_avro.with_defaults(schema, {
            "request_id": request_id,
            "batch_id": batch_id,
            "reply_to": reply_topic,
            "messages": [{"role": "user", "content": prompt(index)}],
            "created_at": now,
            "metadata": {"source": "python-interop"},
        })
        value = serializer.encode_record_with_schema(REQUESTS_TOPIC, schema, request)
        producer.produce(REQUESTS_TOPIC, value=value, key=request_id.encode("utf-8"), on_delivery=delivered)
        producer.poll(0)
        ids.append(request_id)
    remaining = producer.flush(30)
    if remaining or failures:
        raise SystemExit("produce failed: %d undelivered, errors %s" % (remaining, failures[:3]))
    return ids


def consume_results(bootstrap, serializer, reply_topic, expected_ids):
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "py-interop-" + reply_topic,
                         "isolation.level": "read_committed", "enable.auto.commit": False,
                         "auto.offset.reset": "earliest"})
    consumer.assign([TopicPartition(reply_topic, partition, OFFSET_BEGINNING)
                     for partition in range(REPLY_PARTITIONS)])
    results = {}
    duplicates = 0
    deadline = time.monotonic() + WAIT_SECONDS
    try:
        while not expected_ids.issubset(results) and time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                raise KafkaException(message.error())
            result = serializer.decode_message(message.value())
            key = message.key().decode("utf-8") if message.key() is not None else None
            if key != result["request_id"]:
                raise SystemExit("result key %r differs from its request_id %r" % (key, result["request_id"]))
            if result["request_id"] in results:
                duplicates += 1  # at-least-once workers: clients drop duplicates by request_id
            else:
                results[result["request_id"]] = result
    finally:
        consumer.close()
    return results, duplicates


def main(argv):
    if len(argv) != 5:
        raise SystemExit(__doc__)
    bootstrap, registry_url, n, schema_file, reply_topic = argv[0], argv[1], int(argv[2]), argv[3], argv[4]
    started = time.monotonic()
    serializer = fleet_avro.serializer(registry_url)
    schema = fleet_avro.load_schema(schema_file)
    create_reply_topic(bootstrap, reply_topic)
    ids = produce_requests(bootstrap, serializer, schema, n, reply_topic, uuid.uuid4().hex[:8])
    results, duplicates = consume_results(bootstrap, serializer, reply_topic, set(ids))
    summary = {
        "sent": len(ids),
        "received": len(results),
        "duplicates": duplicates,
        "statuses": dict(collections.Counter(result["status"] for result in results.values())),
        "tiers": dict(collections.Counter(result["tier"] for result in results.values())),
        "ids_match": set(results) == set(ids),
        "seconds": round(time.monotonic() - started, 2),
    }
    problems = [result for result in results.values() if result["status"] != "OK"][:3]
    if problems:
        summary["not_ok"] = [fleet_avro.plain(result) for result in problems]
    print(json.dumps(summary, sort_keys=True))
    return 0 if summary["ids_match"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
