package io.llmfleet.schemas.registry;

/**
 * A schema-registry call that failed: carries the registry's {@code error_code} (for
 * example 40401 subject not found, 40403 schema not found, 409 incompatible, 42201
 * invalid schema) or the HTTP status where the registry sent none, and the registry's own
 * message. A registry that could not be reached (after the retries) has status and error
 * code -1 and the I/O error as its cause.
 */
public class SchemaRegistryException extends RuntimeException {

	/** Subject not found. */
	public static final int SUBJECT_NOT_FOUND = 40401;

	/** Version not found. */
	public static final int VERSION_NOT_FOUND = 40402;

	/** Schema not found. */
	public static final int SCHEMA_NOT_FOUND = 40403;

	/** The schema is incompatible with earlier versions under the subject's level. */
	public static final int INCOMPATIBLE = 409;

	/** The schema is not valid Avro. */
	public static final int INVALID_SCHEMA = 42201;

	private final int errorCode;

	private final int httpStatus;

	public SchemaRegistryException(int httpStatus, int errorCode, String message) {
		super(message + " (http " + httpStatus + ", error_code " + errorCode + ")");
		this.httpStatus = httpStatus;
		this.errorCode = errorCode;
	}

	public SchemaRegistryException(String message, Throwable cause) {
		super(message, cause);
		this.httpStatus = -1;
		this.errorCode = -1;
	}

	public int errorCode() {
		return this.errorCode;
	}

	public int httpStatus() {
		return this.httpStatus;
	}

	/** Whether the registry said the subject or schema is unknown. */
	public boolean isNotFound() {
		return this.errorCode == SUBJECT_NOT_FOUND || this.errorCode == SCHEMA_NOT_FOUND;
	}

}
