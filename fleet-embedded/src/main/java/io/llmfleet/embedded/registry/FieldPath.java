package io.llmfleet.embedded.registry;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;

/**
 * Names the field that an Avro compatibility location points at: Avro reports
 * {@code /fields/9/type}, people want {@code priority}; a nested location such as
 * {@code /fields/8/type/1/fields/0/type} reads {@code options.max_tokens}.
 */
final class FieldPath {

	private FieldPath() {
	}

	/**
	 * Resolves a location against the schema it was found in.
	 * @param schema the schema the location is relative to (the reader's)
	 * @param location Avro's location, a JSON-pointer-like path
	 * @return the dotted field path, or empty when the location names no field (the
	 * record's own name, say) or cannot be followed
	 */
	static String of(Schema schema, String location) {
		List<String> names = new ArrayList<>();
		Schema current = schema;
		String[] segments = location.split("/");
		try {
			for (int i = 0; i < segments.length; i++) {
				String segment = segments[i];
				if (segment.equals("fields") && i + 1 < segments.length) {
					Schema.Field field = current.getFields().get(Integer.parseInt(segments[++i]));
					names.add(field.name());
					current = field.schema();
				}
				else if (segment.equals("items")) {
					current = current.getElementType();
				}
				else if (segment.equals("values")) {
					current = current.getValueType();
				}
				else if (current.getType() == Schema.Type.UNION && segment.matches("\\d+")) {
					current = current.getTypes().get(Integer.parseInt(segment));
				}
			}
		}
		catch (RuntimeException unexpected) {
			// Report what could be followed; the raw location is in the message anyway.
		}
		return String.join(".", names);
	}

}
