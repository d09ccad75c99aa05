package io.llmfleet.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The repository files under test, found from the {@code fleet.repository.root} system
 * property the build sets (else from the working directory), and the YAML and POM reading
 * every test shares.
 */
final class RepositoryFiles {

	private static final Path ROOT = locateRoot();

	private static final Pattern SERVICES = Pattern.compile("(?m)^SERVICES=\\(([^)]*)\\)");

	private RepositoryFiles() {
	}

	/** The repository root. */
	static Path root() {
		return ROOT;
	}

	/** A file or directory of the repository. */
	static Path path(String relative) {
		return ROOT.resolve(relative).normalize();
	}

	/** A file's text. */
	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A YAML file of one document, as SnakeYAML reads it (anchors and merge keys
	 * resolved).
	 */
	static Map<String, Object> yaml(Path file) {
		return Nodes.map(newYaml().load(read(file)));
	}

	/** Every non-empty document of a YAML text. */
	static List<Map<String, Object>> yamlDocuments(String text) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : newYaml().loadAll(text)) {
			if (document != null) {
				documents.add(Nodes.map(document));
			}
		}
		return documents;
	}

	/** The project version: the root POM's own {@code <version>}. */
	static String projectVersion() {
		try {
			Element project = DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(path("pom.xml").toFile())
				.getDocumentElement();
			for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
				if ("version".equals(child.getNodeName())) {
					return child.getTextContent().strip();
				}
			}
			throw new IllegalStateException("The root pom.xml has no <version>");
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read the root pom.xml", ex);
		}
	}

	/**
	 * The services {@code docker/build-images.sh} builds images of, from its SERVICES
	 * line.
	 */
	static List<String> imageServices() {
		Matcher matcher = SERVICES.matcher(read(path("docker/build-images.sh")));
		if (!matcher.find()) {
			throw new IllegalStateException("docker/build-images.sh has no SERVICES=(...) line");
		}
		return Arrays.stream(matcher.group(1).strip().split("\\s+")).toList();
	}

	private static Yaml newYaml() {
		return new Yaml(new SafeConstructor(new LoaderOptions()));
	}

	private static Path locateRoot() {
		String configured = System.getProperty("fleet.repository.root");
		Path start = Path.of((configured != null) ? configured : System.getProperty("user.dir"))
			.toAbsolutePath()
			.normalize();
		for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
			if (Files.isRegularFile(candidate.resolve("docker-compose.yml"))
					&& Files.isDirectory(candidate.resolve("deploy"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("No repository root (docker-compose.yml and deploy/) at or above " + start);
	}

}
