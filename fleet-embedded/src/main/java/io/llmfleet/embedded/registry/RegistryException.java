package io.llmfleet.embedded.registry;

import java.util.List;

/**
 * An error the REST API answers with: an HTTP status and a Confluent error code, written
 * as {@code {"error_code": n, "message": "..."}}. Built only by the static factories,
 * which use the codes and wording of Confluent Schema Registry so that its clients react
 * the same.
 */
final class RegistryException extends RuntimeException {

	private final int status;

	private final int errorCode;

	private RegistryException(int status, int errorCode, String message, Throwable cause) {
		super(message, cause, false, false);
		this.status = status;
		this.errorCode = errorCode;
	}

	private RegistryException(int status, int errorCode, String message) {
		this(status, errorCode, message, null);
	}

	int status() {
		return this.status;
	}

	int errorCode() {
		return this.errorCode;
	}

	static RegistryException notFound(String method, String path) {
		return new RegistryException(404, 404, "HTTP 404 Not Found: " + method + " " + path);
	}

	static RegistryException methodNotAllowed(String method, String path) {
		return new RegistryException(405, 405, "HTTP 405 Method Not Allowed: " + method + " " + path);
	}

	static RegistryException unsupportedMediaType(String contentType) {
		return new RegistryException(415, 415, "HTTP 415 Unsupported Media Type: " + contentType);
	}

	static RegistryException badRequest(String detail) {
		return new RegistryException(400, 400, "Bad request: " + detail);
	}

	static RegistryException subjectNotFound(String subject) {
		return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
	}

	static RegistryException versionNotFound(String subject, int version) {
		return new RegistryException(404, 40402, "Version " + version + " not found for subject '" + subject + "'.");
	}

	static RegistryException schemaNotFound() {
		return new RegistryException(404, 40403, "Schema not found");
	}

	static RegistryException schemaIdNotFound(int id) {
		return new RegistryException(404, 40403, "Schema " + id + " not found");
	}

	static RegistryException subjectSoftDeleted(String subject) {
		return new RegistryException(404, 40404,
				"Subject '" + subject + "' was soft deleted. Set permanent=true to delete permanently");
	}

	static RegistryException subjectNotSoftDeleted(String subject) {
		return new RegistryException(404, 40405,
				"Subject '" + subject + "' was not deleted first before being permanently deleted");
	}

	static RegistryException versionSoftDeleted(String subject, int version) {
		return new RegistryException(404, 40406, "Subject '" + subject + "' Version " + version
				+ " was soft deleted. Set permanent=true to delete permanently");
	}

	static RegistryException versionNotSoftDeleted(String subject, int version) {
		return new RegistryException(404, 40407, "Subject '" + subject + "' Version " + version
				+ " was not deleted first before being permanently deleted");
	}

	static RegistryException subjectLevelConfigNotFound(String subject) {
		return new RegistryException(404, 40408,
				"Subject '" + subject + "' does not have subject-level compatibility configured");
	}

	static RegistryException incompatibleSchema(String subject, List<String> problems) {
		return new RegistryException(409, 409,
				"Schema being registered is incompatible with an earlier schema for subject \"" + subject
						+ "\", details: " + problems);
	}

	static RegistryException invalidSchema(String detail) {
		return new RegistryException(422, 42201, "Invalid schema: " + detail);
	}

	static RegistryException invalidVersion(String version) {
		return new RegistryException(422, 42202, "The specified version '" + version
				+ "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
	}

	static RegistryException invalidCompatibilityLevel(String level) {
		return new RegistryException(422, 42203, "Invalid compatibility level '" + level
				+ "'. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
	}

	static RegistryException invalidMode(String mode) {
		return new RegistryException(422, 42204, "Invalid mode '" + mode
				+ "': this registry is always READWRITE (IMPORT and READONLY are not supported)");
	}

	static RegistryException unauthorized() {
		return new RegistryException(401, 401, "Unauthorized");
	}

	static RegistryException storeFailed(String operation, Throwable cause) {
		return new RegistryException(500, 50001, "Error in the backend data store while " + operation + ": " + cause,
				cause);
	}

	static RegistryException internal(Throwable cause) {
		return new RegistryException(500, 50001, "Internal server error: " + cause, cause);
	}

}
