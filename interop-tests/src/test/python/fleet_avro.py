"""Avro helpers shared by the llm-fleet Python interop scripts.

They use only the legacy Avro API of Debian's python3-confluent-kafka 1.7.0
(confluent_kafka.avro: CachedSchemaRegistryClient and MessageSerializer, the
classes AvroProducer and AvroConsumer are built on) over python3-avro 1.11.
The newer confluent_kafka.schema_registry.avro serdes need fastavro, which
Debian does not package. AvroProducer and AvroConsumer themselves are not used
because they insist on Avro keys, and the fleet keys every topic by a plain
UTF-8 request_id.
"""

import datetime
import json

from confluent_kafka.avro import CachedSchemaRegistryClient, loads
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer

UTC = datetime.timezone.utc


def serializer(registry_url):
    """A MessageSerializer over a CachedSchemaRegistryClient of registry_url."""
    return MessageSerializer(CachedSchemaRegistryClient({"url": registry_url}))


def load_schema(path):
    """Parses an Avro schema file (JSON) with python3-avro."""
    with open(path, encoding="utf-8") as schema_file:
        return loads(schema_file.read())


def from_millis(millis):
    """Epoch milliseconds as the timezone-aware datetime avro 1.11 maps timestamp-millis to."""
    return datetime.datetime(1970, 1, 1, tzinfo=UTC) + datetime.timedelta(milliseconds=millis)


def to_millis(moment):
    """A datetime read from a timestamp-millis field back to epoch milliseconds."""
    return (moment - datetime.datetime(1970, 1, 1, tzinfo=UTC)) // datetime.timedelta(milliseconds=1)


def with_defaults(schema, datum):
    """Fills the record fields datum leaves out with their schema defaults.

    python3-avro's DatumWriter writes exactly the fields it is given, so a field
    left out of a dict is written as None and fails validation unless its type
    allows null; Confluent's and Avro's Java builders fill defaults instead.
    """
    if schema.type != "record" or not isinstance(datum, dict):
        return datum
    filled = {}
    for field in schema.fields:
        if field.name in datum:
            filled[field.name] = with_defaults(field.type, datum[field.name])
        elif field.has_default:
            filled[field.name] = field.default
        else:
            raise ValueError("field %s of %s has no value and no default" % (field.name, schema.fullname))
    return filled


def plain(value):
    """A decoded Avro value as plain JSON data: datetimes become epoch milliseconds."""
    if isinstance(value, datetime.datetime):
        return to_millis(value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def canonical_json(value):
    """Sorted keys, no spaces, non-ASCII kept: one text per value."""
    return json.dumps(plain(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
