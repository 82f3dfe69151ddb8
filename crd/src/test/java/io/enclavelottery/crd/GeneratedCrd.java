package io.enclavelottery.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CRD the build generated from the model, read from the test classpath (the build writes it
 * into the classes before the tests run).
 *
 * @param bytes the file as written
 * @param document the file parsed
 */
record GeneratedCrd(byte[] bytes, JsonNode document) {

  /** Where the generator writes the CRD, relative to the classes directory. */
  static final String RESOURCE = "META-INF/fabric8/lotteryrounds.enclave-lottery.io-v1.yml";

  static final YAMLMapper YAML = new YAMLMapper();

  static GeneratedCrd load() {
    try (InputStream in = GeneratedCrd.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is not on the classpath: the build generates it at process-test-classes");
      }
      byte[] bytes = in.readAllBytes();
      return new GeneratedCrd(bytes, YAML.readTree(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one served version ({@code v1alpha1}). */
  JsonNode version() {
    return document.path("spec").path("versions").path(0);
  }

  /** The version's {@code openAPIV3Schema}: the schema of the whole object. */
  JsonNode schema() {
    return version().path("schema").path("openAPIV3Schema");
  }
}
