package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One entry of a Secret in the LotteryRound's own namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SecretKeyRef(
    @Required
        @Pattern(SchemaPatterns.DNS_SUBDOMAIN)
        @Size(max = 253)
        @JsonPropertyDescription(
            "Name of the Secret, in the LotteryRound's namespace (the controller reads it by"
                + " name and never lists Secrets).")
        String name,
    @Default(DEFAULT_KEY)
        @Pattern("^[-._a-zA-Z0-9]+$")
        @Size(max = 253)
        @JsonPropertyDescription("The key within the Secret's data whose value is the private key.")
        String key) {

  /** {@link #key} when the spec does not say. */
  public static final String DEFAULT_KEY = "privateKey";

  public SecretKeyRef {
    key = key == null ? DEFAULT_KEY : key;
  }
}
