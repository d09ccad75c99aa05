package io.llmfleet.classifier.features;

import java.util.Arrays;

/**
 * A feature vector as sorted distinct indices and their values. Hashed n-gram features
 * use it, and so can a dense embedding: {@link #dense(float[])} keeps every component.
 *
 * @param indices the feature indices, ascending and distinct
 * @param values the value of each index
 */
public record SparseVector(int[] indices, float[] values) {

	public SparseVector {
		if (indices.length != values.length) {
			throw new IllegalArgumentException(
					"indices and values differ in length: " + indices.length + " != " + values.length);
		}
	}

	/** A dense vector, every component kept. */
	public static SparseVector dense(float[] values) {
		int[] indices = new int[values.length];
		Arrays.setAll(indices, (i) -> i);
		return new SparseVector(indices, values.clone());
	}

	/** The number of stored components. */
	public int size() {
		return this.indices.length;
	}

	/** The largest index plus one, or 0 for an empty vector. */
	public int dimension() {
		return (this.indices.length == 0) ? 0 : this.indices[this.indices.length - 1] + 1;
	}

	/** Collects features, summing repeated indices, into a sparse vector. */
	public static final class Builder implements FeatureSink {

		private long[] entries = new long[256];

		private int size;

		@Override
		public void accept(int index, float value) {
			if (this.size == this.entries.length) {
				this.entries = Arrays.copyOf(this.entries, this.size * 2);
			}
			// Index in the high bits, value bits in the low: one sort orders by index.
			this.entries[this.size++] = ((long) index << 32) | (Float.floatToRawIntBits(value) & 0xFFFFFFFFL);
		}

		/** The vector of everything accepted so far. */
		public SparseVector build() {
			long[] sorted = Arrays.copyOf(this.entries, this.size);
			Arrays.sort(sorted);
			int[] indices = new int[sorted.length];
			float[] values = new float[sorted.length];
			int distinct = -1;
			for (long entry : sorted) {
				int index = (int) (entry >>> 32);
				float value = Float.intBitsToFloat((int) entry);
				if (distinct >= 0 && indices[distinct] == index) {
					values[distinct] += value;
				}
				else {
					distinct++;
					indices[distinct] = index;
					values[distinct] = value;
				}
			}
			return new SparseVector(Arrays.copyOf(indices, distinct + 1), Arrays.copyOf(values, distinct + 1));
		}

	}

}
