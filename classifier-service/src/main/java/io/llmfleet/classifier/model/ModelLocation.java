package io.llmfleet.classifier.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * Where a model comes from: {@code classpath:...} for the model shipped in the jar (read
 * once), anything else a file path (with an optional {@code file:} prefix) that can be
 * watched for a new model.
 *
 * @param location the configured location, as given
 * @param file the file, or {@code null} for a classpath resource
 */
public record ModelLocation(String location, Path file) {

	private static final String CLASSPATH = "classpath:";

	/** Parses a configured location. */
	public static ModelLocation of(String location) {
		if (location.startsWith(CLASSPATH)) {
			return new ModelLocation(location, null);
		}
		String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
		return new ModelLocation(location, Path.of(path));
	}

	/** Whether a new model can appear here. */
	public boolean isWatchable() {
		return this.file != null;
	}

	/** Reads the model. */
	public TierModel load() throws IOException {
		if (this.file != null) {
			return ModelFile.read(this.file);
		}
		String resource = this.location.substring(CLASSPATH.length());
		resource = resource.startsWith("/") ? resource.substring(1) : resource;
		try (InputStream in = ModelLocation.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("No model at " + this.location + " (no such classpath resource)");
			}
			return ModelFile.read(in, this.location);
		}
	}

	/** What changes when the file is replaced: modification time and size. */
	Stamp stamp() throws IOException {
		return new Stamp(Files.getLastModifiedTime(this.file), Files.size(this.file));
	}

	/**
	 * A file's identity for change detection.
	 *
	 * @param modified last modification time
	 * @param size size in bytes
	 */
	record Stamp(FileTime modified, long size) {
	}

}
