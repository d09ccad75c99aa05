package io.llmfleet.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The configuration a fleet service would see in a container: Spring Boot prepares the
 * environment as the service's own {@code main} does ({@code spring.config.name}, the
 * container's environment variables, {@code SPRING_CONFIG_ADDITIONAL_LOCATION},
 * fleet-core's defaults) around an empty context, so deployed settings bind through the
 * services' real configuration records. Paths the deployment mounts are mapped to the
 * repository files they come from.
 */
final class ServiceEnvironment {

	private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

	private final ConfigurableEnvironment environment;

	private ServiceEnvironment(ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	/**
	 * Prepares a service's environment.
	 * @param configName the service's {@code spring.config.name}, e.g.
	 * {@code worker-ollama}
	 * @param variables the container's environment variables
	 * @param mounts repository paths by the path they are mounted at in the container
	 * @return the environment
	 */
	static ServiceEnvironment of(String configName, Map<String, String> variables, Map<String, Path> mounts) {
		Map<String, Object> translated = new LinkedHashMap<>();
		variables.forEach((name, value) -> translated.put(name, translate(value, mounts)));
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, translated));
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setEnvironment(environment);
		application.setDefaultProperties(Map.of("spring.config.name", configName));
		try (ConfigurableApplicationContext context = application.run()) {
			return new ServiceEnvironment(context.getEnvironment());
		}
	}

	/** A property as the service reads it, placeholders resolved. */
	String property(String name) {
		return this.environment.getProperty(name);
	}

	/** Binds a configuration record and checks its constraints, as start-up would. */
	<T> T bind(String prefix, Class<T> type) {
		T bound = Binder.get(this.environment).bindOrCreate(prefix, type);
		Validator validator = VALIDATION.getValidator();
		Set<ConstraintViolation<T>> violations = validator.validate(bound);
		if (!violations.isEmpty()) {
			throw new IllegalStateException(prefix + " does not validate: " + violations);
		}
		return bound;
	}

	/** A map property such as {@code spring.kafka.properties}. */
	Map<String, String> bindMap(String prefix) {
		return Binder.get(this.environment).bind(prefix, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
	}

	private static String translate(String value, Map<String, Path> mounts) {
		String translated = value;
		for (Map.Entry<String, Path> mount : mounts.entrySet()) {
			translated = translated.replace(mount.getKey(), mount.getValue().toString());
		}
		return translated;
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
