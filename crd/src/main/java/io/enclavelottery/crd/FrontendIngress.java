package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** An Ingress that publishes the frontend under a host name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(
    value = "!self.enabled || has(self.host)",
    fieldPath = ".host",
    reason = "FieldValueRequired",
    message = "frontend.ingress.enabled needs frontend.ingress.host: the name players browse to")
public record FrontendIngress(
    @Default("false") @JsonPropertyDescription("Create an Ingress for the frontend.")
        Boolean enabled,
    @Pattern(SchemaPatterns.DNS_SUBDOMAIN)
        @Size(max = 253)
        @JsonPropertyDescription(
            "The host name players browse to, e.g. lottery.example.com. Required when enabled.")
        String host,
    @Pattern(SchemaPatterns.DNS_SUBDOMAIN)
        @Size(max = 253)
        @JsonPropertyDescription(
            "A TLS Secret (kubernetes.io/tls) in this namespace with the host's certificate."
                + " Absent: plain HTTP, unless the ingress controller adds TLS itself. Players"
                + " connect their wallets here, so use TLS in production.")
        String tlsSecretName,
    @Size(min = 1, max = 253)
        @JsonPropertyDescription(
            "The IngressClass to use. Absent: the cluster's default IngressClass.")
        String className) {

  /** No Ingress. */
  public static final FrontendIngress DISABLED = new FrontendIngress(null, null, null, null);

  public FrontendIngress {
    enabled = enabled == null ? Boolean.FALSE : enabled;
  }
}
