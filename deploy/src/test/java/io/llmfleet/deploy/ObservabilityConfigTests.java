package io.llmfleet.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard charts every metric the fleet exports and is portable across
 * Grafana instances; Prometheus and Grafana, as docker-compose.yml runs them, scrape
 * every fleet service and load that dashboard.
 */
class ObservabilityConfigTests {

	/** The metrics of the list, as Prometheus names them. */
	static final List<String> FLEET_METRICS = List.of("fleet_requests_total", "fleet_latency_seconds_bucket",
			"fleet_time_to_first_token_seconds_bucket", "fleet_tokens_per_second", "fleet_fallbacks_total",
			"fleet_breaker_state", "fleet_gpu_vram_free_bytes", "fleet_in_flight",
			"kafka_consumer_fetch_manager_records_lag_max");

	private static final Path DASHBOARD = RepositoryFiles.path("deploy/grafana/llm-fleet.json");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

	private final JsonNode dashboard = JsonMapper.builder().build().readTree(RepositoryFiles.read(DASHBOARD));

	private final ComposeFile compose = ComposeFile.load();

	@Test
	void dashboardChartsEveryFleetMetric() {
		String expressions = String.join("\n", expressions());
		assertThat(FLEET_METRICS).allSatisfy((metric) -> assertThat(expressions).contains(metric));
		assertThat(expressions).contains("stage=\"end_to_end\"");
	}

	@Test
	void dashboardQueriesThroughItsDataSourceVariable() {
		assertThat(variables()).anySatisfy((variable) -> {
			assertThat(variable.path("name").asString()).isEqualTo("datasource");
			assertThat(variable.path("type").asString()).isEqualTo("datasource");
			assertThat(variable.path("query").asString()).isEqualTo("prometheus");
		});
		for (JsonNode panel : panels()) {
			if (!panel.path("type").asString().equals("row")) {
				assertThat(panel.path("datasource").path("uid").asString()).as("panel %s", panel.path("title"))
					.isEqualTo("${datasource}");
				panel.path("targets")
					.forEach((target) -> assertThat(target.path("datasource").path("uid").asString())
						.isEqualTo("${datasource}"));
			}
		}
	}

	@Test
	void dashboardUsesOnlyVariablesItDefines() {
		Set<String> defined = new HashSet<>();
		variables().forEach((variable) -> defined.add(variable.path("name").asString()));
		for (String expression : expressions()) {
			Matcher matcher = VARIABLE.matcher(expression);
			while (matcher.find()) {
				if (!matcher.group(1).startsWith("__")) {
					assertThat(defined).as("variables for %s", expression).contains(matcher.group(1));
				}
			}
		}
	}

	@Test
	void dashboardPanelsHaveUniqueIdsAndDoNotOverlap() {
		Set<Integer> ids = new HashSet<>();
		List<int[]> boxes = new ArrayList<>();
		for (JsonNode panel : panels()) {
			assertThat(ids.add(panel.path("id").asInt())).as("id of %s", panel.path("title")).isTrue();
			JsonNode grid = panel.path("gridPos");
			int[] box = { grid.path("x").asInt(), grid.path("y").asInt(), grid.path("w").asInt(),
					grid.path("h").asInt() };
			assertThat(box[0] + box[2]).as("right edge of %s", panel.path("title")).isLessThanOrEqualTo(24);
			for (int[] other : boxes) {
				boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
						&& box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
				assertThat(overlap).as("%s overlaps another panel", panel.path("title")).isFalse();
			}
			boxes.add(box);
		}
	}

	@Test
	void prometheusScrapesTheActuatorOfEveryFleetServiceOfTheComposeFile() {
		Map<String, Object> prometheus = RepositoryFiles.yaml(RepositoryFiles.path("deploy/prometheus/prometheus.yml"));
		Set<String> actuatorTargets = new HashSet<>();
		for (Map<String, Object> job : Nodes.maps(prometheus.get("scrape_configs"))) {
			for (Map<String, Object> config : Nodes.maps(job.get("static_configs"))) {
				for (Object target : Nodes.list(config.get("targets"))) {
					String host = target.toString().split(":")[0];
					assertThat(this.compose.serviceNames()).as("host of scrape target %s", target).contains(host);
					if ("/actuator/prometheus".equals(job.get("metrics_path"))) {
						actuatorTargets.add(target.toString());
					}
				}
			}
		}
		assertThat(actuatorTargets).containsExactlyInAnyOrderElementsOf(
				this.compose.fleetServices().stream().map((service) -> service + ":8080").toList());
		assertThat(this.compose.bindMounts("prometheus")).containsEntry("/etc/prometheus/prometheus.yml",
				RepositoryFiles.path("deploy/prometheus/prometheus.yml"));
	}

	@Test
	void grafanaLoadsTheDashboardFromTheComposePrometheus() {
		Map<String, Path> mounts = this.compose.bindMounts("grafana");
		Map<String, Object> datasource = Nodes
			.maps(RepositoryFiles.yaml(RepositoryFiles.path("deploy/grafana/provisioning/datasources/prometheus.yml"))
				.get("datasources"))
			.get(0);
		assertThat(datasource.get("type")).isEqualTo("prometheus");
		URI url = URI.create(datasource.get("url").toString());
		assertThat(this.compose.serviceNames()).contains(url.getHost());
		assertThat(this.compose.ports(url.getHost()))
			.anySatisfy((port) -> assertThat(port).endsWith(":" + url.getPort()));
		Map<String, Object> provider = Nodes
			.maps(RepositoryFiles.yaml(RepositoryFiles.path("deploy/grafana/provisioning/dashboards/llm-fleet.yml"))
				.get("providers"))
			.get(0);
		String directory = Nodes.text(provider, "options", "path");
		assertThat(mounts).containsEntry(directory + "/llm-fleet.json", DASHBOARD)
			.containsEntry("/etc/grafana/provisioning/datasources",
					RepositoryFiles.path("deploy/grafana/provisioning/datasources"))
			.containsEntry("/etc/grafana/provisioning/dashboards",
					RepositoryFiles.path("deploy/grafana/provisioning/dashboards"));
	}

	private List<JsonNode> panels() {
		List<JsonNode> panels = new ArrayList<>();
		this.dashboard.path("panels").forEach(panels::add);
		assertThat(panels).isNotEmpty();
		return panels;
	}

	private List<JsonNode> variables() {
		List<JsonNode> variables = new ArrayList<>();
		this.dashboard.path("templating").path("list").forEach(variables::add);
		return variables;
	}

	private List<String> expressions() {
		List<String> expressions = new ArrayList<>();
		for (JsonNode panel : panels()) {
			panel.path("targets").forEach((target) -> expressions.add(target.path("expr").asString()));
		}
		for (JsonNode variable : variables()) {
			if (variable.path("query").isObject()) {
				expressions.add(variable.path("query").path("query").asString());
			}
		}
		return expressions;
	}

}
