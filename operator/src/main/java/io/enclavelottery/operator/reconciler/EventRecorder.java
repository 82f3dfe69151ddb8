package io.enclavelottery.operator.reconciler;

import io.enclavelottery.crd.LotteryRound;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events (core v1) about a LotteryRound, so {@code kubectl describe lr} shows
 * what the controller did. Best effort: an Event that cannot be written is logged, never retried.
 */
public final class EventRecorder {

  /** The component Events name as their source. */
  public static final String COMPONENT = "enclave-lottery-operator";

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final KubernetesClient client;
  private final Clock clock;

  public EventRecorder(KubernetesClient client, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A Normal Event. */
  public void normal(ObjectReference about, String reason, String message) {
    record(about, "Normal", reason, message);
  }

  /** A Warning Event: something a person should look at. */
  public void warning(ObjectReference about, String reason, String message) {
    record(about, "Warning", reason, message);
  }

  /** The reference Events about {@code resource} carry. */
  public static ObjectReference referenceTo(LotteryRound resource) {
    return new ObjectReferenceBuilder()
        .withApiVersion(resource.getApiVersion())
        .withKind(resource.getKind())
        .withNamespace(resource.getMetadata().getNamespace())
        .withName(resource.getMetadata().getName())
        .withUid(resource.getMetadata().getUid())
        .build();
  }

  private void record(ObjectReference about, String type, String reason, String message) {
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace(about.getNamespace())
            .withName(about.getName() + "." + UUID.randomUUID().toString().substring(0, 13))
            .endMetadata()
            .withInvolvedObject(about)
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withCount(1)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .build();
    try {
      client.v1().events().inNamespace(about.getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "could not record the {} Event {} of {}/{}: {}",
          type,
          reason,
          about.getNamespace(),
          about.getName(),
          e.getMessage());
    }
  }
}
