package io.enclavelottery.frontend.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.Resource;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.server.handlers.resource.ResourceManager;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.MimeMappings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The built UI, from a folder ({@link #folder}) or from the classpath ({@link #bundled}, where the
 * {@code frontend} module's jar puts it, so the runnable jar serves the UI with no setting): files
 * as they are, {@code index.html} for any other path that does not look like a file (the
 * single-page app routes in the browser), long-lived caching for assets whose name carries a
 * content hash ({@code /assets/index-3f9a1c2b.js}) and none for the rest. No request reaches a file
 * outside the folder: paths with {@code ..}, {@code .}, empty segments, backslashes or control
 * characters are refused (so a request cannot climb out of the classpath prefix either); from a
 * folder, symbolic links are not followed and the resolved file must lie under it. Runs on a worker
 * thread (it touches the file system).
 */
public final class StaticFiles implements HttpHandler {

  /** Where the {@code frontend} module's jar puts the built UI. */
  public static final String BUNDLED_UI = "io/enclavelottery/ui";

  private static final String INDEX = "/index.html";
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final String REVALIDATE = "no-cache";
  private static final Pattern HASHED_ASSET =
      Pattern.compile("/assets/.+[-.][A-Za-z0-9_-]{8,}\\.[a-z0-9]+");
  private static final Pattern UNSAFE = Pattern.compile("[\\x00-\\x1f\\x7f\\\\]");
  private static final MimeMappings TYPES =
      MimeMappings.builder(true)
          .addMapping("js", "text/javascript")
          .addMapping("mjs", "text/javascript")
          .addMapping("json", "application/json")
          .addMapping("map", "application/json")
          .addMapping("webmanifest", "application/manifest+json")
          .addMapping("wasm", "application/wasm")
          .addMapping("woff2", "font/woff2")
          .addMapping("svg", "image/svg+xml")
          .build();

  private final Optional<Path> root;
  private final ResourceManager files;
  private final ResourceHandler serve;

  private StaticFiles(Optional<Path> root, ResourceManager files) {
    this.root = root;
    this.files = files;
    this.serve =
        new ResourceHandler(files).setMimeMappings(TYPES).setDirectoryListingEnabled(false);
  }

  /** The UI in {@code folder}, which must exist. */
  public static StaticFiles folder(Path folder) {
    Path real;
    try {
      real = folder.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("the static folder " + folder + " cannot be read", e);
    }
    return new StaticFiles(Optional.of(real), new PathResourceManager(real, 1024, true, false));
  }

  /** The UI bundled under {@link #BUNDLED_UI} on {@code loader}'s classpath; empty when absent. */
  public static Optional<StaticFiles> bundled(ClassLoader loader) {
    return bundled(loader, BUNDLED_UI);
  }

  /** The UI under {@code prefix} on {@code loader}'s classpath; empty when it has no index page. */
  public static Optional<StaticFiles> bundled(ClassLoader loader, String prefix) {
    if (loader.getResource(prefix + INDEX) == null) {
      return Optional.empty();
    }
    return Optional.of(
        new StaticFiles(Optional.empty(), new ClassPathResourceManager(loader, prefix)));
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (exchange.isInIoThread()) {
      exchange.dispatch(this);
      return;
    }
    if (!exchange.getRequestMethod().equals(Methods.GET)
        && !exchange.getRequestMethod().equals(Methods.HEAD)) {
      exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
      JsonResponses.error(exchange, 405, "method not allowed");
      return;
    }
    String path = exchange.getRelativePath();
    if (!isSafe(path)) {
      JsonResponses.error(exchange, 400, "invalid path");
      return;
    }
    String file = path.equals("/") ? INDEX : path;
    if (!isFile(file)) {
      if (looksLikeFile(file) || !isFile(INDEX)) {
        JsonResponses.error(exchange, 404, "not found");
        return;
      }
      file = INDEX;
    }
    boolean page = file.endsWith(".html");
    exchange
        .getResponseHeaders()
        .put(
            Headers.CACHE_CONTROL,
            !page && HASHED_ASSET.matcher(file).matches() ? IMMUTABLE : REVALIDATE);
    if (page) {
      SecurityHeaders.useUiPolicy(exchange);
    }
    exchange.setRelativePath(file);
    serve.handleRequest(exchange);
  }

  /** Whether the decoded path stays inside the folder whatever the file system makes of it. */
  boolean isSafe(String path) {
    if (!path.startsWith("/") || UNSAFE.matcher(path).find()) {
      return false;
    }
    String inner = path.substring(1);
    String[] segments = inner.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.isEmpty() && !last || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return root.map(folder -> folder.resolve(inner).normalize().startsWith(folder)).orElse(true);
  }

  private boolean isFile(String path) throws IOException {
    Resource resource = files.getResource(path);
    // a jar's folder entries do not say they are folders: an asset always has a name with a dot
    return resource != null && !resource.isDirectory() && (root.isPresent() || looksLikeFile(path));
  }

  private static boolean looksLikeFile(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.contains(".");
  }
}
