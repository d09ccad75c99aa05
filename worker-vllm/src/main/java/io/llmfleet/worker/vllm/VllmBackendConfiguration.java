package io.llmfleet.worker.vllm;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Contributes the {@link VllmBackend}, whose presence activates the worker runtime's
 * auto-configuration. Importable on its own, so {@code fleet local} can run a vLLM worker
 * inside its own application.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VllmProperties.class)
public class VllmBackendConfiguration {

	@Bean
	VllmBackend vllmBackend(VllmProperties properties) {
		return new VllmBackend(properties);
	}

}
