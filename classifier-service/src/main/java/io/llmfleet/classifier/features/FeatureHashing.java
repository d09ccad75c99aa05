package io.llmfleet.classifier.features;

/**
 * The hash functions of the feature space: FNV-1a over UTF-16 code units, finished with
 * MurmurHash3's 32-bit mixer. Written out here rather than taken from
 * {@link String#hashCode()} so that a model file hashes the same way on every JVM and for
 * every future version of this code; changing anything here changes
 * {@link FeatureSpec#CURRENT_FEATURES_VERSION}.
 */
public final class FeatureHashing {

	static final int FNV_OFFSET = 0x811C9DC5;

	static final int FNV_PRIME = 0x01000193;

	private FeatureHashing() {
	}

	/** Extends an FNV-1a hash with one code unit. */
	public static int extend(int hash, char c) {
		return (hash ^ c) * FNV_PRIME;
	}

	/** The FNV-1a hash of {@code text}, seeded by a namespace. */
	public static int hash(int namespace, CharSequence text) {
		int hash = FNV_OFFSET ^ namespace;
		for (int i = 0; i < text.length(); i++) {
			hash = extend(hash, text.charAt(i));
		}
		return hash;
	}

	/** Combines two hashes, order-sensitive (for word bigrams). */
	public static int combine(int first, int second) {
		return mix(first * 31 + second);
	}

	/** MurmurHash3's finaliser: spreads every input bit over the output. */
	public static int mix(int hash) {
		int h = hash;
		h ^= h >>> 16;
		h *= 0x85EBCA6B;
		h ^= h >>> 13;
		h *= 0xC2B2AE35;
		h ^= h >>> 16;
		return h;
	}

	/** The bucket of {@code hash} among {@code 1 << bits}. */
	public static int bucket(int hash, int bits) {
		return mix(hash) >>> (32 - bits);
	}

}
