package io.llmfleet.cli.bench;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table with aligned columns: readable on a terminal, pasted as it is. */
final class MarkdownTable {

	private final List<String[]> rows = new ArrayList<>();

	MarkdownTable(String... header) {
		this.rows.add(header);
	}

	void row(Object... cells) {
		List<String> flat = new ArrayList<>();
		for (Object cell : cells) {
			if (cell instanceof String[] many) {
				flat.addAll(List.of(many));
			}
			else {
				flat.add(String.valueOf(cell));
			}
		}
		this.rows.add(flat.toArray(String[]::new));
	}

	String render() {
		int columns = this.rows.get(0).length;
		int[] widths = new int[columns];
		for (String[] row : this.rows) {
			for (int c = 0; c < columns; c++) {
				widths[c] = Math.max(Math.max(widths[c], 3), cell(row, c).length());
			}
		}
		StringBuilder out = new StringBuilder();
		for (int r = 0; r < this.rows.size(); r++) {
			line(out, this.rows.get(r), widths);
			if (r == 0) {
				String[] rule = new String[columns];
				for (int c = 0; c < columns; c++) {
					rule[c] = "-".repeat(widths[c]);
				}
				line(out, rule, widths);
			}
		}
		return out.toString();
	}

	private static void line(StringBuilder out, String[] row, int[] widths) {
		out.append('|');
		for (int c = 0; c < widths.length; c++) {
			String cell = cell(row, c);
			out.append(' ').append(cell).append(" ".repeat(widths[c] - cell.length())).append(" |");
		}
		out.append('\n');
	}

	private static String cell(String[] row, int column) {
		return (column < row.length) ? row[column] : "";
	}

}
