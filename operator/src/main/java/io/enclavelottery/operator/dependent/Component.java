package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.LotteryRound;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parts of a LotteryRound's children: each child is named {@code <lotteryround>-<component>}
 * and labelled with the recommended {@code app.kubernetes.io/*} labels, so the names are stable
 * across reconciles and selectors can find the pods.
 */
public enum Component {
  /** The frontend-server pods (UI and live feed) and the objects around them. */
  FRONTEND("frontend"),
  /** The enclave signer pod and the objects around it. */
  SIGNER("signer");

  /** The label that names the application. */
  public static final String NAME_LABEL = "app.kubernetes.io/name";

  /** The label that names the part of the application. */
  public static final String COMPONENT_LABEL = "app.kubernetes.io/component";

  /** {@code app.kubernetes.io/name} of every object the project creates. */
  public static final String APP_NAME = "enclave-lottery";

  /** {@code app.kubernetes.io/managed-by} of every child of a LotteryRound. */
  public static final String MANAGED_BY = "enclave-lottery-operator";

  /**
   * The labels the chart must give the controller's pods: the signer's NetworkPolicy admits only
   * pods with these labels, in the controller's namespace, to the signing port.
   */
  public static final Map<String, String> CONTROLLER_POD_LABELS =
      Map.of(NAME_LABEL, APP_NAME, COMPONENT_LABEL, "controller");

  // Kubernetes names of Services and label values are at most 63 characters.
  private static final int MAX_NAME = 63;
  private static final int HASH_CHARS = 8;
  private static final Pattern SERVICE_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

  private final String value;

  Component(String value) {
    this.value = value;
  }

  /**
   * This component's object name for the given LotteryRound: {@code <lotteryround>-<component>}, a
   * valid Service name (at most 63 characters, letters, digits and dashes, a letter first).
   */
  public String name(LotteryRound primary) {
    String base = primary.getMetadata().getName();
    return SERVICE_NAME.matcher(base + "-" + value).matches()
        ? base + "-" + value
        : hashed(base.replace('.', '-').replaceFirst("^[^a-z]+", ""), "-" + value, base);
  }

  /** The labels of this component's objects and pods. */
  public Map<String, String> labels(LotteryRound primary) {
    Map<String, String> labels = new LinkedHashMap<>(selector(primary));
    labels.put("app.kubernetes.io/managed-by", MANAGED_BY);
    return labels;
  }

  /** The labels that select this component's pods of the given LotteryRound (and no others). */
  public Map<String, String> selector(LotteryRound primary) {
    Map<String, String> selector = new LinkedHashMap<>();
    selector.put(NAME_LABEL, APP_NAME);
    String instance = primary.getMetadata().getName();
    selector.put(
        "app.kubernetes.io/instance",
        instance.length() <= MAX_NAME ? instance : hashed(instance, "", instance));
    selector.put(COMPONENT_LABEL, value);
    return selector;
  }

  /** Name, namespace and labels of this component's object for the given LotteryRound. */
  public ObjectMeta metadata(LotteryRound primary) {
    return new ObjectMetaBuilder()
        .withName(name(primary))
        .withNamespace(primary.getMetadata().getNamespace())
        .withLabels(labels(primary))
        .build();
  }

  // A LotteryRound's name may be 253 characters long, hold dots and start with a digit: cut and
  // clean it, and add a hash of the original, so that two names that clean up alike still give
  // two different children.
  private static String hashed(String cleaned, String suffix, String original) {
    String hash = sha256Hex(original).substring(0, HASH_CHARS);
    int keep = Math.min(cleaned.length(), MAX_NAME - suffix.length() - HASH_CHARS - 1);
    String prefix = cleaned.substring(0, keep).replaceAll("[-.]+$", "");
    return (prefix.isEmpty() ? "lr" : prefix) + "-" + hash + suffix;
  }

  static String sha256Hex(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
