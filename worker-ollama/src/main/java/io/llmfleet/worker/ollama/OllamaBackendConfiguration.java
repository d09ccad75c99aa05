package io.llmfleet.worker.ollama;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Contributes the {@link OllamaBackend}, whose presence activates the worker runtime's
 * auto-configuration. Importable on its own, so {@code fleet local} can run an Ollama
 * worker inside its own application.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OllamaProperties.class)
public class OllamaBackendConfiguration {

	@Bean
	OllamaBackend ollamaBackend(OllamaProperties properties) {
		return new OllamaBackend(properties);
	}

}
