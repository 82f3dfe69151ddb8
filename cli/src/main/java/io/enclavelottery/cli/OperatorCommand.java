package io.enclavelottery.cli;

import io.enclavelottery.operator.reconciler.ControllerOptions;
import io.enclavelottery.operator.reconciler.LeaderElection;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lottery operator}: the Kubernetes controller of LotteryRounds against the current
 * kubeconfig or, in a pod, the in-cluster configuration (fabric8's auto-configuration), with leader
 * election among replicas, server-side apply, probes and metrics on one small HTTP server, and logs
 * on standard output. Runs until Ctrl-C or SIGTERM; a replica that loses the lease exits with 1 so
 * that it restarts as a standby.
 */
@Command(
    name = "operator",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the Kubernetes controller of LotteryRounds against the current kubeconfig (KUBECONFIG,"
          + " ~/.kube/config) or, in a pod, its service account. Replicas elect a leader through"
          + " a Lease: only the leader acts; the others stand by, ready to take over.",
      "Serves /healthz (liveness), /readyz (readiness; a standby is ready) and /metrics on one"
          + " port. Logs go to standard output (APP_LOG_LEVEL, default INFO).",
      "Environment: POD_NAME and POD_NAMESPACE (set them from the downward API) name this"
          + " replica in the Lease and say where the Lease lives.",
      "Runs until Ctrl-C or SIGTERM; exits with 1 when this replica loses the Lease."
    })
final class OperatorCommand implements Callable<Integer> {

  static final String DEFAULT_LEASE = "enclave-lottery-operator";

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  @Spec private CommandSpec spec;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "Watch LotteryRounds in NS only; repeat for several (default: all namespaces).")
  private List<String> namespaces = new ArrayList<>();

  @Option(
      names = "--health-port",
      paramLabel = "PORT",
      defaultValue = "8081",
      description = "Port of /healthz, /readyz and /metrics; 0 picks a free one (default 8081).")
  private int healthPort;

  @Option(
      names = "--health-host",
      paramLabel = "HOST",
      defaultValue = "0.0.0.0",
      description = "Address the probes and metrics listen on (default 0.0.0.0).")
  private String healthHost;

  @Option(
      names = "--metrics",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Serve /metrics in Prometheus' text format (default: on).")
  private boolean metrics;

  @Option(
      names = "--leader-election",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Elect a leader among replicas through a Lease (default: on).")
  private boolean leaderElection;

  @Option(
      names = "--lease-name",
      paramLabel = "NAME",
      defaultValue = DEFAULT_LEASE,
      description = "The Lease's name (default " + DEFAULT_LEASE + ").")
  private String leaseName;

  @Option(
      names = "--lease-namespace",
      paramLabel = "NS",
      description =
          "The Lease's namespace (default: POD_NAMESPACE, else the namespace of the kubeconfig's"
              + " context or of the service account, else default).")
  private String leaseNamespace;

  @Option(
      names = "--identity",
      paramLabel = "NAME",
      description =
          "This replica's name in the Lease, unique among replicas (default: POD_NAME, else the"
              + " host name and process id).")
  private String identity;

  @Option(
      names = "--server-side-apply",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Write status and child resources with server-side apply (default: on; turn it off only"
              + " for an API server without it, such as a test server).")
  private boolean serverSideApply;

  @Option(
      names = "--trust-software-nsm",
      description =
          "Accept enclave signers that run on the software NSM, whose attestations prove nothing:"
              + " for development clusters only, NOT SECURE (logged, and said in each"
              + " LotteryRound's SignerReady condition). Default: only AWS Nitro attestations.")
  private boolean trustSoftwareNsm;

  private final Function<String, String> environment;

  OperatorCommand(Function<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public Integer call() throws Exception {
    checkOptions();
    RunLogging.apply(
        Optional.ofNullable(environment.apply("APP_LOG_LEVEL")).orElse("INFO"), Optional.empty());
    KubernetesClient client = new KubernetesClientBuilder().build();
    ControllerProcess process;
    try {
      process = ControllerProcess.start(client, options(client), healthHost, healthPort, metrics);
    } catch (IllegalStateException | IllegalArgumentException e) {
      client.close();
      throw CommandFailure.unusableInput(e.getMessage());
    }
    CompletableFuture<Boolean> ended = new CompletableFuture<>();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  process.close();
                  client.close();
                  ended.complete(false);
                },
                "lottery-operator-shutdown"));
    process.leadershipLost().thenRun(() -> ended.complete(true));
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Controller running; probes%s on http://%s:%d%n",
        metrics ? " and metrics" : "", healthHost, process.port());
    out.flush();
    if (ended.get()) {
      throw new CommandFailure(
          ExitCodes.FAILED,
          "this replica lost the lease and stopped acting; exiting so that it restarts as a"
              + " standby");
    }
    return ExitCodes.OK;
  }

  private void checkOptions() {
    if (healthPort < 0 || healthPort > 65535) {
      throw CommandFailure.unusableInput(
          "--health-port " + healthPort + " is not a port (0 to 65535)");
    }
    for (String namespace : namespaces) {
      checkName("--namespace", namespace, DNS_LABEL, 63);
    }
    if (leaseNamespace != null) {
      checkName("--lease-namespace", leaseNamespace, DNS_LABEL, 63);
    }
    checkName("--lease-name", leaseName, DNS_SUBDOMAIN, 253);
    if (identity != null && identity.isBlank()) {
      throw CommandFailure.unusableInput("--identity must not be blank");
    }
  }

  private static void checkName(String option, String value, Pattern pattern, int maxLength) {
    if (value.length() > maxLength || !pattern.matcher(value).matches()) {
      throw CommandFailure.unusableInput(
          option
              + " \""
              + value
              + "\" is not a Kubernetes name: lower-case letters, digits and '-'"
              + (pattern == DNS_SUBDOMAIN ? " or '.'" : "")
              + ", starting and ending with a letter or digit, at most "
              + maxLength
              + " characters");
    }
  }

  private ControllerOptions options(KubernetesClient client) {
    ControllerOptions options =
        ControllerOptions.defaults()
            .withNamespaces(new LinkedHashSet<>(namespaces))
            .withServerSideApply(serverSideApply)
            .withTrustSoftwareNsm(trustSoftwareNsm);
    if (!leaderElection) {
      return options;
    }
    return options.withLeaderElection(
        LeaderElection.of(leaseName, leaseNamespace(client), identity()));
  }

  private String leaseNamespace(KubernetesClient client) {
    return firstGiven(
        leaseNamespace, environment.apply("POD_NAMESPACE"), client.getNamespace(), "default");
  }

  private String identity() {
    return firstGiven(identity, environment.apply("POD_NAME"), hostAndProcess());
  }

  /** Outside a pod two processes may share a host name: the process id tells them apart. */
  private String hostAndProcess() {
    String host = environment.apply("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "lottery";
      }
    }
    return host + "-" + ProcessHandle.current().pid();
  }

  /** The first value that is set; the last one always is. */
  private static String firstGiven(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return values[values.length - 1];
  }
}
