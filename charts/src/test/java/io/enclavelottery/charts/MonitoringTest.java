package io.enclavelottery.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With monitoring on: the monitors, the alerts, the dashboard, and the metrics they rely on. */
class MonitoringTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern METRIC = Pattern.compile("\\b((?:lottery|frontend)_[a-z_]+)\\b");

  private static Rendered chart;
  private static Set<String> knownMetrics;

  @BeforeAll
  static void render() throws IOException {
    chart = Chart.render(Map.of(), "monitoring-values.yaml");
    knownMetrics =
        new TreeSet<>(
            MeterNames.in(
                Path.of(System.getProperty("operator.sources")),
                Path.of(System.getProperty("frontend.sources"))));
    knownMetrics.addAll(kubeStateMetricsNames());
  }

  @Test
  void noMonitoringObjectUnlessAskedFor() {
    assertThat(Chart.render(Map.of()).objects())
        .extracting(HasMetadata::getKind)
        .doesNotContain("ServiceMonitor", "PodMonitor", "PrometheusRule", "ConfigMap");
  }

  @Test
  void theControllerAndTheFrontendsAreScraped() {
    JsonNode monitor = spec(chart.find("ServiceMonitor", "-controller").orElseThrow());
    assertThat(monitor.at("/endpoints/0/port").asText()).isEqualTo("metrics");
    assertThat(monitor.at("/endpoints/0/path").asText()).isEqualTo("/metrics");
    assertThat(chart.find("ServiceMonitor", "-controller").orElseThrow().getMetadata().getLabels())
        .containsEntry("release", "kube-prometheus-stack");
    JsonNode pods = spec(chart.find("PodMonitor", "-frontends").orElseThrow());
    assertThat(pods.at("/selector/matchLabels/app.kubernetes.io~1component").asText())
        .isEqualTo("frontend");
    assertThat(pods.at("/podMetricsEndpoints/0/port").asText()).isEqualTo("http");
  }

  @Test
  void alertsCoverWhatUsersFeel() {
    assertThat(alerts())
        .extracting(a -> a.get("alert").asText())
        .containsExactlyInAnyOrder(
            "LotteryOperatorBalanceLow",
            "LotteryFollowerLagging",
            "LotteryTransactionPendingTooLong",
            "LotteryDrawOverdue",
            "LotterySignerNotReady");
    assertThat(alerts())
        .allSatisfy(
            a -> {
              assertThat(a.at("/labels/severity").asText()).isIn("warning", "critical");
              assertThat(a.at("/annotations/summary").asText()).isNotBlank();
              assertThat(a.at("/annotations/description").asText()).isNotBlank();
              assertThat(a.path("for").asText()).isNotBlank();
            });
  }

  @Test
  void thresholdsComeFromValues() {
    List<JsonNode> alerts =
        alerts(
            Chart.render(
                Map.of("monitoring.prometheusRule.operatorBalanceMinEther", 2),
                "monitoring-values.yaml"));
    assertThat(alerts)
        .filteredOn(a -> a.get("alert").asText().equals("LotteryOperatorBalanceLow"))
        .singleElement()
        .satisfies(a -> assertThat(a.get("expr").asText()).endsWith("< 2"));
  }

  @Test
  void everyAlertAndPanelUsesAMetricThatExists() {
    List<String> expressions = new ArrayList<>();
    alerts().forEach(a -> expressions.add(a.get("expr").asText()));
    dashboard().findValues("expr").forEach(e -> expressions.add(e.asText()));
    assertThat(expressions).hasSizeGreaterThan(10);
    for (String expression : expressions) {
      Matcher metric = METRIC.matcher(expression);
      while (metric.find()) {
        assertThat(knownMetrics)
            .as("metric %s in %s", metric.group(1), expression)
            .contains(metric.group(1));
      }
    }
  }

  @Test
  void everyRunbookIsARunbookInOperationsDoc() throws IOException {
    String doc = Files.readString(Path.of(System.getProperty("docs.directory"), "OPERATIONS.md"));
    Set<String> anchors = new TreeSet<>();
    doc.lines()
        .filter(line -> line.startsWith("#"))
        .map(
            line ->
                line.replaceFirst("^#+\\s*", "")
                    .toLowerCase()
                    .replaceAll("[^a-z0-9 -]", "")
                    .replace(' ', '-'))
        .forEach(anchors::add);
    assertThat(alerts())
        .allSatisfy(
            a ->
                assertThat(anchors)
                    .contains(a.at("/annotations/runbook_url").asText().replaceFirst(".*#", "")));
  }

  @Test
  void theDashboardShowsRoundsPotDrawsTransactionsLagAndClients() {
    JsonNode dashboard = dashboard();
    List<String> titles = new ArrayList<>();
    dashboard.get("panels").forEach(p -> titles.add(p.get("title").asText()));
    assertThat(titles)
        .contains(
            "Current round",
            "Pot",
            "Draw latency",
            "Transaction outcomes",
            "Follower lag",
            "WebSocket clients");
    assertThat(chart.one(ConfigMap.class, "-dashboard").getMetadata().getLabels())
        .containsEntry("grafana_dashboard", "1");
  }

  private static List<JsonNode> alerts() {
    return alerts(chart);
  }

  private static List<JsonNode> alerts(Rendered rendered) {
    List<JsonNode> alerts = new ArrayList<>();
    spec(rendered.find("PrometheusRule", "").orElseThrow())
        .get("groups")
        .forEach(group -> group.get("rules").forEach(alerts::add));
    return alerts;
  }

  private static JsonNode dashboard() {
    try {
      return JSON.readTree(
          chart.one(ConfigMap.class, "-dashboard").getData().get("enclave-lottery.json"));
    } catch (IOException e) {
      throw new AssertionError("the dashboard is not JSON", e);
    }
  }

  private static Set<String> kubeStateMetricsNames() throws IOException {
    JsonNode config =
        new YAMLMapper()
            .readTree(
                chart.one(ConfigMap.class, "-kube-state-metrics").getData().get("config.yaml"));
    Set<String> names = new TreeSet<>();
    for (JsonNode resource : config.at("/spec/resources")) {
      String prefix = resource.get("metricNamePrefix").asText();
      resource.get("metrics").forEach(m -> names.add(prefix + "_" + m.get("name").asText()));
    }
    return names;
  }

  private static JsonNode spec(HasMetadata resource) {
    return JSON.valueToTree(
        ((GenericKubernetesResource) resource).getAdditionalProperties().get("spec"));
  }
}
