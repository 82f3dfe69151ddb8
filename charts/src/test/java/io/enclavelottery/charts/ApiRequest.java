package io.enclavelottery.charts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request to the Kubernetes API in RBAC's terms: the verb, the API group, the resource (with its
 * subresource, as {@code lotteryrounds/status}), the namespace ({@code null} cluster-wide) and the
 * object's name ({@code null} for collections).
 */
record ApiRequest(String verb, String group, String resource, String namespace, String name) {

  // /api/v1/... or /apis/<group>/<version>/..., then [namespaces/<ns>/]<resource>[/<name>[/<sub>]]
  private static final Pattern PATH =
      Pattern.compile(
          "^/(?:api/v1|apis/(?<group>[^/]+)/[^/]+)"
              + "(?:/namespaces/(?<namespace>[^/?]+))?"
              + "/(?<resource>[^/?]+)(?:/(?<name>[^/?]+)(?:/(?<sub>[^/?]+))?)?"
              + "(?:\\?(?<query>.*))?$");

  /** The request an HTTP method and path stand for, as the API server's authorizer sees it. */
  static ApiRequest of(String method, String path) {
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a resource request: " + method + " " + path);
    }
    String name = m.group("name");
    String query = m.group("query") == null ? "" : m.group("query");
    String verb =
        switch (method) {
          case "GET" ->
              name != null ? "get" : query.matches("(.*&)?watch=(true|1)(&.*)?") ? "watch" : "list";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> name == null ? "deletecollection" : "delete";
          default -> throw new IllegalArgumentException("unexpected method " + method);
        };
    String group = m.group("group") == null ? "" : m.group("group");
    String resource = m.group("resource") + (m.group("sub") == null ? "" : "/" + m.group("sub"));
    return new ApiRequest(verb, group, resource, m.group("namespace"), name);
  }

  /** The request without its object's name and namespace, to compare with RBAC's rules. */
  String grant() {
    return (group.isEmpty() ? "core" : group) + " " + resource + " " + verb;
  }
}
