package io.llmfleet.classifier.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.llmfleet.classifier.features.FeatureSpec;

/**
 * The model itself inside a {@link ModelFile} (format 1), field by field: name, version,
 * tiers, {@link FeatureSpec}, the number of structural slots, temperature, metadata,
 * biases, then every feature row with a non-zero weight as its index and one float per
 * tier. Reading checks what it can as it goes (tier count, features version, slots,
 * indices) and names the file in what it throws.
 */
final class ModelLayout {

	private ModelLayout() {
	}

	/** Writes {@code model} field by field. */
	static void write(TierModel model, DataOutputStream out) throws IOException {
		out.writeUTF(model.name());
		out.writeUTF(model.version());
		out.writeInt(model.tiers().size());
		for (String tier : model.tiers()) {
			out.writeUTF(tier);
		}
		FeatureSpec spec = model.spec();
		out.writeInt(spec.featuresVersion());
		out.writeInt(spec.hashBits());
		out.writeInt(spec.charMinN());
		out.writeInt(spec.charMaxN());
		out.writeInt(spec.maxChars());
		out.writeFloat(spec.charWeight());
		out.writeFloat(spec.wordWeight());
		out.writeFloat(spec.leadWeight());
		out.writeFloat(spec.signalWeight());
		out.writeFloat(spec.lexiconWeight());
		out.writeFloat(spec.scriptWeight());
		out.writeInt(spec.dimension() - spec.hashSize());
		out.writeDouble(model.temperature());
		Map<String, String> metadata = new TreeMap<>(model.metadata());
		out.writeInt(metadata.size());
		for (Map.Entry<String, String> entry : metadata.entrySet()) {
			out.writeUTF(entry.getKey());
			out.writeUTF(entry.getValue());
		}
		LinearModel linear = model.linear();
		for (int c = 0; c < linear.classes(); c++) {
			out.writeFloat(linear.bias(c));
		}
		out.writeInt(linear.nonZeroFeatures());
		for (int index = 0; index < linear.dimension(); index++) {
			if (!linear.isZeroRow(index)) {
				out.writeInt(index);
				for (int c = 0; c < linear.classes(); c++) {
					out.writeFloat(linear.weight(index, c));
				}
			}
		}
	}

	/**
	 * Reads a model written by {@link #write}.
	 * @param in the fields
	 * @param source where they come from, for messages
	 */
	static TierModel read(DataInputStream in, String source) throws IOException {
		String name = in.readUTF();
		String version = in.readUTF();
		List<String> tiers = new ArrayList<>();
		int tierCount = in.readInt();
		if (tierCount < 2 || tierCount > 64) {
			throw ModelFileException.corrupt(source, "tier count " + tierCount, null);
		}
		for (int i = 0; i < tierCount; i++) {
			tiers.add(in.readUTF());
		}
		int featuresVersion = in.readInt();
		if (featuresVersion != FeatureSpec.CURRENT_FEATURES_VERSION) {
			throw ModelFileException.incompatible(source,
					"it was trained on features version " + featuresVersion + " and this classifier extracts version "
							+ FeatureSpec.CURRENT_FEATURES_VERSION
							+ ": retrain it with this version's 'fleet classifier train'");
		}
		FeatureSpec spec = new FeatureSpec(featuresVersion, in.readInt(), in.readInt(), in.readInt(), in.readInt(),
				in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat());
		int slots = in.readInt();
		if (slots != spec.dimension() - spec.hashSize()) {
			throw ModelFileException.incompatible(source, "it has " + slots + " structural slots where this code has "
					+ (spec.dimension() - spec.hashSize()));
		}
		double temperature = in.readDouble();
		Map<String, String> metadata = new LinkedHashMap<>();
		int entries = in.readInt();
		for (int i = 0; i < entries; i++) {
			metadata.put(in.readUTF(), in.readUTF());
		}
		float[] bias = new float[tierCount];
		for (int c = 0; c < tierCount; c++) {
			bias[c] = in.readFloat();
		}
		float[] weights = new float[spec.dimension() * tierCount];
		int rows = in.readInt();
		for (int r = 0; r < rows; r++) {
			int index = in.readInt();
			if (index < 0 || index >= spec.dimension()) {
				throw ModelFileException.corrupt(source, "feature index " + index + " out of range", null);
			}
			for (int c = 0; c < tierCount; c++) {
				weights[index * tierCount + c] = in.readFloat();
			}
		}
		return new TierModel(name, version, tiers, spec, new LinearModel(spec.dimension(), tierCount, weights, bias),
				temperature, metadata);
	}

}
