package io.enclavelottery.frontend;

import java.util.List;

/**
 * Request targets that try to read a file beside the UI ({@code secret.txt}, {@code ui2.txt}) or
 * elsewhere on the machine: none may succeed, whether the UI is served from a folder or from the
 * classpath.
 */
final class EscapeAttempts {

  private EscapeAttempts() {}

  static List<String> paths() {
    return List.of(
        "/../secret.txt",
        "/../../../../etc/passwd",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/%252e%252e/secret.txt",
        "/assets/../../secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/..\\secret.txt",
        "/%5c..%5csecret.txt",
        "//etc/passwd",
        "/.%2e/secret.txt",
        "/./index.html",
        "/%00/secret.txt",
        "/index.html%00.js",
        "/../ui2.txt",
        "/..;/secret.txt",
        "http://127.0.0.1/../secret.txt",
        "/etc/passwd",
        "/a/a/a/a/a/a/a/a/a/a/a/a/a/a/../../../../../../../../../../../../../../../secret.txt");
  }
}
