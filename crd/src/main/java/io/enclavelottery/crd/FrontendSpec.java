package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The frontend-server Deployment, Service and optional Ingress the controller runs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(
    value = "self.enabled || !has(self.ingress) || !self.ingress.enabled",
    fieldPath = ".ingress.enabled",
    message =
        "frontend.ingress.enabled needs frontend.enabled: the Ingress would route to no frontend")
public record FrontendSpec(
    @Default("true")
        @JsonPropertyDescription(
            "Run the frontend (UI, REST and WebSocket feed) for this lottery. false: the"
                + " controller removes it.")
        Boolean enabled,
    @Default("1")
        @Min(0)
        @Max(20)
        @JsonPropertyDescription(
            "Frontend pods: 0 to 20. Every pod follows the chain itself, so more pods serve more"
                + " players, not fresher data.")
        Integer replicas,
    @Size(min = 1, max = 512)
        @JsonPropertyDescription(
            "Container image of the frontend-server. Absent: the image of the controller's own"
                + " release.")
        String image,
    @JsonPropertyDescription("The Service in front of the frontend pods.") FrontendService service,
    @JsonPropertyDescription("An optional Ingress that publishes the frontend.")
        FrontendIngress ingress) {

  /** A spec that gives no frontend section: one pod behind a ClusterIP Service, no Ingress. */
  public static final FrontendSpec DEFAULTS = new FrontendSpec(null, null, null, null, null);

  public FrontendSpec {
    enabled = enabled == null ? Boolean.TRUE : enabled;
    replicas = replicas == null ? 1 : replicas;
    service = service == null ? FrontendService.DEFAULTS : service;
    ingress = ingress == null ? FrontendIngress.DISABLED : ingress;
  }
}
