package io.enclavelottery.frontend.http;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP side protects itself and whom it trusts.
 *
 * @param maxBodyBytes the largest request body accepted (the API reads none); larger gets 413
 * @param maxHeaderBytes the largest request head (request line and headers) Undertow accepts
 * @param rateLimit requests per second per client address, with a burst; empty for no limit
 * @param trustedProxies peers whose {@code X-Forwarded-For} is believed
 * @param corsOrigins origins allowed to call the API from a browser ({@code *} for any); empty:
 *     none, CORS closed
 * @param staticDir the built UI to serve; empty: the UI bundled on the classpath (the {@code
 *     frontend} module's jar) where there is one, else no UI and unknown paths get 404
 */
public record HttpSettings(
    int maxBodyBytes,
    int maxHeaderBytes,
    Optional<RateLimit> rateLimit,
    List<AddressBlock> trustedProxies,
    List<String> corsOrigins,
    Optional<Path> staticDir) {

  /**
   * A per-client request rate.
   *
   * @param perSecond sustained requests per second
   * @param burst requests allowed at once
   */
  public record RateLimit(double perSecond, int burst) {
    public RateLimit {
      if (perSecond <= 0 || burst < 1) {
        throw new IllegalArgumentException("rate and burst must be positive");
      }
    }
  }

  public HttpSettings {
    if (maxBodyBytes < 0 || maxHeaderBytes < 1024) {
      throw new IllegalArgumentException("body limit must be >= 0 and header limit >= 1024");
    }
    Objects.requireNonNull(rateLimit, "rateLimit");
    trustedProxies = List.copyOf(trustedProxies);
    corsOrigins = List.copyOf(corsOrigins);
    Objects.requireNonNull(staticDir, "staticDir");
  }

  /** 16 KiB bodies and heads, 20 requests a second with bursts of 60, no proxy, no CORS, no UI. */
  public static HttpSettings defaults() {
    return new HttpSettings(
        16 * 1024,
        16 * 1024,
        Optional.of(new RateLimit(20, 60)),
        List.of(),
        List.of(),
        Optional.empty());
  }

  public HttpSettings withRateLimit(Optional<RateLimit> limit) {
    return new HttpSettings(
        maxBodyBytes, maxHeaderBytes, limit, trustedProxies, corsOrigins, staticDir);
  }

  public HttpSettings withStaticDir(Optional<Path> dir) {
    return new HttpSettings(
        maxBodyBytes, maxHeaderBytes, rateLimit, trustedProxies, corsOrigins, dir);
  }

  public HttpSettings withTrustedProxies(List<AddressBlock> proxies) {
    return new HttpSettings(
        maxBodyBytes, maxHeaderBytes, rateLimit, proxies, corsOrigins, staticDir);
  }

  public HttpSettings withCorsOrigins(List<String> origins) {
    return new HttpSettings(
        maxBodyBytes, maxHeaderBytes, rateLimit, trustedProxies, origins, staticDir);
  }
}
