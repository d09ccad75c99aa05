package io.llmfleet.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Navigation of parsed YAML: maps, lists and scalars, with absent values read as empty
 * rather than null, so a check reads as a path through the document.
 */
final class Nodes {

	private Nodes() {
	}

	/** The node as a map; empty when absent. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object node) {
		if (node == null) {
			return Map.of();
		}
		if (!(node instanceof Map<?, ?>)) {
			throw new IllegalArgumentException("Expected a mapping but found " + node);
		}
		return (Map<String, Object>) node;
	}

	/** The node as a list; empty when absent. */
	@SuppressWarnings("unchecked")
	static List<Object> list(Object node) {
		if (node == null) {
			return List.of();
		}
		if (!(node instanceof List<?>)) {
			throw new IllegalArgumentException("Expected a sequence but found " + node);
		}
		return (List<Object>) node;
	}

	/** The node as a list of maps; empty when absent. */
	static List<Map<String, Object>> maps(Object node) {
		return list(node).stream().map(Nodes::map).toList();
	}

	/** The node at a path of keys; null when any step is absent. */
	static Object at(Object node, String... path) {
		Object current = node;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	/** The scalar at a path as text; null when absent. */
	static String text(Object node, String... path) {
		Object value = at(node, path);
		return (value != null) ? value.toString() : null;
	}

	/** A map of names to text values, as labels, selectors and env maps are. */
	static Map<String, String> strings(Object node) {
		Map<String, String> strings = new LinkedHashMap<>();
		map(node).forEach((key, value) -> strings.put(key, (value != null) ? value.toString() : ""));
		return strings;
	}

}
