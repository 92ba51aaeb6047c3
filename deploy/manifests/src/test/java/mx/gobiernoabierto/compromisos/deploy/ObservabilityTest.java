package mx.gobiernoabierto.compromisos.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.deploy.ServiceSettings.Service;

/** Prometheus scrapes what the services expose; the Grafana dashboard asks for metrics that exist. */
class ObservabilityTest {

    private static final Path DASHBOARD = Repository.path("deploy/grafana/dashboards/compromisos.json");
    private static final Path DATASOURCES = Repository.path("deploy/grafana/provisioning/datasources/prometheus.yml");
    private static final Path PROVIDERS = Repository.path("deploy/grafana/provisioning/dashboards/compromisos.yml");

    @ParameterizedTest
    @EnumSource(Service.class)
    void prometheusScrapesEachServiceOnItsPort(Service service) {
        Map<String, Object> prometheus = Yamls.document(Repository.path("deploy/prometheus/prometheus.yml"));
        Map<String, Object> job = Yamls.list(prometheus.get("scrape_configs")).stream().map(Yamls::map)
                .filter(j -> service.id.equals(j.get("job_name")))
                .findFirst().orElseThrow(() -> new AssertionError("no scrape job " + service.id));
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");

        // Whatever the discovery (static or DNS), the targets are the compose service on the PORT it is given.
        String port = ComposeTest.environment(service).get("PORT");
        List<String> targets = new ArrayList<>();
        Yamls.list(job.get("static_configs")).forEach(c -> Yamls.list(Yamls.at(c, "targets")).forEach(t -> targets.add(String.valueOf(t))));
        Yamls.list(job.get("dns_sd_configs")).forEach(c -> Yamls.list(Yamls.at(c, "names"))
                .forEach(n -> targets.add(n + ":" + Yamls.string(c, "port"))));
        assertThat(targets).containsExactly(service.id + ":" + port);
    }

    @Test
    void grafanaLoadsTheDashboardsFromWhereComposeMountsThem() {
        String path = Yamls.string(Yamls.list(Yamls.document(PROVIDERS).get("providers")).getFirst(), "options", "path");
        Map<String, Object> grafana = DeploymentFiles.composeService("grafana");
        assertThat(Yamls.list(grafana.get("volumes")).stream().map(String::valueOf))
                .contains("../grafana/dashboards:" + path + ":ro");
        String home = DeploymentFiles.composeEnvironment(grafana).get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        assertThat(home).isEqualTo(path + "/" + DASHBOARD.getFileName());
    }

    /** Every panel queries the Prometheus data source, through the dashboard's variable or its fixed uid. */
    @Test
    void everyPanelQueriesThePrometheusDataSource() {
        String uid = Yamls.string(Yamls.list(Yamls.document(DATASOURCES).get("datasources")).getFirst(), "uid");
        JsonNode dashboard = SyntaxTest.json(DASHBOARD);
        boolean variable = false;
        for (JsonNode template : dashboard.path("templating").path("list")) {
            if ("datasource".equals(template.path("type").asString()) && "datasource".equals(template.path("name").asString())) {
                variable = true;
                assertThat(template.path("query").asString()).isEqualTo("prometheus");
                assertThat(template.path("current").path("value").asString()).isEqualTo(uid);
            }
        }
        Set<String> allowed = variable ? Set.of(uid, "${datasource}") : Set.of(uid);

        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels(dashboard)) {
            assertThat(ids.add(panel.path("id").asInt())).as("unique panel id " + panel.path("id")).isTrue();
            if ("row".equals(panel.path("type").asString())) {
                continue;
            }
            String title = panel.path("title").asString();
            assertThat(panel.path("datasource").path("uid").asString()).as(title).isIn(allowed);
            assertThat(panel.path("targets").isEmpty()).as(title + " has queries").isFalse();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asString()).as(title + " expr").isNotBlank();
                assertThat(target.path("datasource").path("uid").asString("")).as(title).isIn(allowed);
            }
        }
    }

    /** The panels the brief asked for are there: each of these series is queried somewhere. */
    @Test
    void theDashboardCoversCommandsPublishingProjectionsAndHttpErrors() {
        String expressions = String.join("\n", expressions());
        assertThat(expressions).contains("commandBus_allTimer_seconds_count", "commandBus_allTimer_seconds{",
                "compromisos_publisher_lag_events", "compromisos_consumer_lag_records",
                "compromisos_projection_latency_seconds_bucket", "compromisos_projection_events_total",
                "compromisos_projection_held", "compromisos_projection_held_stuck",
                "http_server_requests_seconds_count", "CLIENT_ERROR", "SERVER_ERROR");
    }

    private static final Pattern OWN_METRIC = Pattern.compile("\\bcompromisos_[a-z0-9_]+");
    private static final Pattern METER_NAME = Pattern.compile("\"(compromisos(?:\\.[a-z0-9]+)+)\"");

    /**
     * Each {@code compromisos_*} series the dashboard queries is the Prometheus name of a meter some service
     * registers: the meter name with dots as underscores, plus at most a unit word ({@code _seconds},
     * {@code _records}, ...) and Prometheus' {@code _total}/{@code _bucket}/{@code _count}/{@code _sum}/{@code _max}.
     * A renamed meter then fails here instead of leaving an empty panel.
     */
    @Test
    void everyCompromisosSeriesIsAMeterOfAService() {
        Set<String> meters = new TreeSet<>();
        for (Service service : Service.values()) {
            for (Path tree : service.mainJava()) {
                for (Path source : Repository.files(Repository.relative(tree), ".java")) {
                    Matcher name = METER_NAME.matcher(Repository.read(source));
                    while (name.find()) {
                        meters.add(name.group(1).replace('.', '_'));
                    }
                }
            }
        }
        Set<String> series = new TreeSet<>();
        expressions().forEach(expr -> OWN_METRIC.matcher(expr).results().forEach(m -> series.add(m.group())));
        assertThat(series).isNotEmpty().allSatisfy(name -> {
            String base = name.replaceFirst("_(bucket|count|sum|max)$", "").replaceFirst("_total$", "");
            String withoutUnit = base.replaceFirst("_[a-z0-9]+$", "");
            assertThat(meters).as("meters registered by the services, for " + name).containsAnyOf(base, withoutUnit);
        });
    }

    private static List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : panels(SyntaxTest.json(DASHBOARD))) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asString(""));
            }
        }
        return expressions;
    }

    /** Top-level panels and those nested in collapsed rows. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }
}
