package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** The Service in front of the frontend pods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FrontendService(
    @Default("ClusterIP")
        @JsonPropertyDescription(
            "The Service type: ClusterIP (reach it through an Ingress or port-forward),"
                + " NodePort or LoadBalancer.")
        ServiceType type,
    @Default("80")
        @Min(1)
        @Max(65535)
        @JsonPropertyDescription("The port the Service listens on (HTTP).")
        Integer port) {

  /** A ClusterIP Service on port 80. */
  public static final FrontendService DEFAULTS = new FrontendService(null, null);

  public FrontendService {
    type = type == null ? ServiceType.CLUSTER_IP : type;
    port = port == null ? 80 : port;
  }

  /** How the frontend's Service is exposed (the Kubernetes Service types that make sense here). */
  public enum ServiceType {
    /** Reachable inside the cluster only; publish it with the Ingress. */
    @JsonProperty("ClusterIP")
    CLUSTER_IP,
    /** Also on a port of every node. */
    @JsonProperty("NodePort")
    NODE_PORT,
    /** Also through the cloud's load balancer. */
    @JsonProperty("LoadBalancer")
    LOAD_BALANCER
  }
}
