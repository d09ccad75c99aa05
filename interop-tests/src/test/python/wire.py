"""Confluent wire-format bytes of the fixed llm-fleet request, as Python writes and reads them.

    wire.py encode <registryUrl> <schemaFile> <subject>
        registers the schema under <subject> (TopicNameStrategy: <topic>-value or
        <topic>-key) and prints the hex of the framed bytes of the fixed record in
        ../node/fixed-request.json
    wire.py decode <registryUrl> <hex>
        decodes framed bytes with the writer's schema fetched from the registry and
        prints the record as canonical JSON (sorted keys, timestamps as epoch millis)

Run by PythonInteropIT with Debian's /usr/bin/python3.
"""

import json
import os
import sys

import fleet_avro

FIXED_RECORD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "node", "fixed-request.json")


def fixed_record(schema):
    """The fixed request as python3-avro writes it: defaults filled, timestamps as datetimes."""
    with open(FIXED_RECORD, encoding="utf-8") as record_file:
        record = fleet_avro.with_defaults(schema, json.load(record_file))
    record["created_at"] = fleet_avro.from_millis(record["created_at"])
    if record.get("deadline_at") is not None:
        record["deadline_at"] = fleet_avro.from_millis(record["deadline_at"])
    return record


def encode(registry_url, schema_file, subject):
    for suffix, is_key in (("-value", False), ("-key", True)):
        if subject.endswith(suffix):
            topic = subject[: -len(suffix)]
            break
    else:
        raise SystemExit("subject %s does not end with -value or -key" % subject)
    schema = fleet_avro.load_schema(schema_file)
    framed = fleet_avro.serializer(registry_url).encode_record_with_schema(topic, schema, fixed_record(schema), is_key)
    print(framed.hex())


def decode(registry_url, hex_bytes):
    record = fleet_avro.serializer(registry_url).decode_message(bytes.fromhex(hex_bytes))
    print(fleet_avro.canonical_json(record))


def main(argv):
    if len(argv) == 4 and argv[0] == "encode":
        encode(*argv[1:])
    elif len(argv) == 3 and argv[0] == "decode":
        decode(*argv[1:])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
