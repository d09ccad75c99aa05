package io.llmfleet.classifier;

import java.io.IOException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.llmfleet.classifier.cascade.Cascade;
import io.llmfleet.classifier.cascade.CascadeProperties;
import io.llmfleet.classifier.cascade.EmbeddingStage;
import io.llmfleet.classifier.cascade.HeadFile;
import io.llmfleet.classifier.cascade.HeadModel;
import io.llmfleet.classifier.decision.ClassifierProperties;
import io.llmfleet.classifier.decision.TierClassifier;
import io.llmfleet.classifier.language.LanguageIdentifier;
import io.llmfleet.classifier.model.ModelFileException;
import io.llmfleet.classifier.model.ModelLocation;
import io.llmfleet.classifier.model.ReloadingModel;
import io.llmfleet.classifier.rules.RuleSet;
import io.llmfleet.core.catalog.FleetCatalog;

/**
 * The classifier service. Its configuration file is {@code classifier-service.yml}, so it
 * can share one JVM with the other services under {@code fleet local}.
 */
@SpringBootApplication
@EnableConfigurationProperties(ClassifierProperties.class)
public class ClassifierApplication {

	/** The application as {@code main} and {@code fleet local} start it. */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(ClassifierApplication.class)
			.properties("spring.config.name=classifier-service")
			.web(WebApplicationType.NONE);
	}

	/** Standalone, the service serves the actuator (health, Prometheus) over HTTP. */
	public static void main(String[] args) {
		builder().web(WebApplicationType.SERVLET).run(args);
	}

	@Bean(destroyMethod = "close")
	ReloadingModel tierModel(ClassifierProperties properties, FleetCatalog catalog) throws IOException {
		return new ReloadingModel(ModelLocation.of(properties.model()), properties.reloadInterval(),
				(model) -> TierClassifier.requireKnownTiers(model, catalog));
	}

	/** The cascade's second stage, loaded only when the cascade is enabled. */
	@Bean(destroyMethod = "close")
	@ConditionalOnBooleanProperty("fleet.classifier.cascade.enabled")
	EmbeddingStage secondStage(ClassifierProperties properties, ReloadingModel tierModel) throws IOException {
		CascadeProperties cascade = properties.cascade();
		HeadModel head = HeadFile.load(cascade.model());
		if (!head.tiers().equals(tierModel.get().tiers())) {
			throw ModelFileException.incompatible(cascade.model(),
					"its tiers " + head.tiers() + " are not the first stage's " + tierModel.get().tiers());
		}
		return EmbeddingStage.load(head);
	}

	@Bean
	TierClassifier tierClassifier(FleetCatalog catalog, ClassifierProperties properties, ReloadingModel tierModel,
			ObjectProvider<EmbeddingStage> secondStage) {
		LanguageIdentifier languages = properties.language().enabled() ? new LanguageIdentifier(properties.language())
				: null;
		EmbeddingStage second = secondStage.getIfAvailable();
		Cascade cascade = (second != null)
				? new Cascade(second, properties.cascade().threshold(), properties.cascade().weight()) : null;
		return new TierClassifier(catalog, new RuleSet(properties.rules(), catalog), tierModel, languages,
				properties.confidenceThreshold(), cascade);
	}

}
