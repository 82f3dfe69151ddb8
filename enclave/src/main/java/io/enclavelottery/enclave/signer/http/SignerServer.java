package io.enclavelottery.enclave.signer.http;

import io.enclavelottery.enclave.signer.EnclaveSigner;
import io.enclavelottery.enclave.signer.SignerAttestation;
import io.enclavelottery.enclave.signer.SignerRefusal;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The signer's two HTTP listeners. The signing port (only the controller should reach it) serves
 * {@code POST /sign}, {@code /commit}, {@code /draw}, {@code GET /status} and the key-injection
 * routes; the attestation port (for the frontend and anyone verifying) serves only {@code GET
 * /attestation}. Inside an enclave both are bridged to vsock by socat.
 */
public final class SignerServer implements AutoCloseable {

  /**
   * Where to listen.
   *
   * @param host the interface (inside the enclave, loopback: socat bridges it)
   * @param port the port; 0 picks a free one
   */
  public record Listen(String host, int port) {
    public Listen {
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("not a port: " + port);
      }
    }
  }

  private final Undertow signing;
  private final Undertow attesting;

  private SignerServer(Undertow signing, Undertow attesting) {
    this.signing = signing;
    this.attesting = attesting;
  }

  /** Starts both listeners; closing the server stops them. */
  public static SignerServer start(
      EnclaveSigner signer,
      SignerAttestation attestation,
      Listen signingAddress,
      Listen attestationAddress) {
    RoutingHandler signingRoutes =
        Handlers.routing()
            .post("/sign", new JsonEndpoint("sign", new SignRoute(signer)))
            .post("/commit", new JsonEndpoint("commit", new CommitRoute(signer)))
            .post("/draw", new JsonEndpoint("draw", new DrawRoute(signer)))
            .get("/status", new JsonEndpoint("status", (exchange, body) -> signer.status()))
            .get(
                "/api/get_pub_key",
                new JsonEndpoint("get_pub_key", KeyInjectionRoute.publicKey(signer.keys())))
            .post(
                "/api/set_operator_key",
                new JsonEndpoint("set_operator_key", KeyInjectionRoute.inject(signer.keys())))
            .setFallbackHandler(notFound());
    RoutingHandler attestationRoutes =
        Handlers.routing()
            .get("/attestation", new JsonEndpoint("attestation", new AttestationRoute(attestation)))
            .setFallbackHandler(notFound());
    Undertow signingServer = listen(signingAddress, signingRoutes);
    signingServer.start();
    try {
      Undertow attestationServer = listen(attestationAddress, attestationRoutes);
      attestationServer.start();
      return new SignerServer(signingServer, attestationServer);
    } catch (RuntimeException e) {
      signingServer.stop();
      throw e;
    }
  }

  public int signingPort() {
    return port(signing);
  }

  public int attestationPort() {
    return port(attesting);
  }

  @Override
  public void close() {
    try {
      signing.stop();
    } finally {
      attesting.stop();
    }
  }

  private static Undertow listen(Listen address, HttpHandler handler) {
    return Undertow.builder()
        .addHttpListener(address.port(), address.host())
        .setIoThreads(1)
        .setWorkerThreads(4)
        .setHandler(handler)
        .build();
  }

  private static HttpHandler notFound() {
    return new JsonEndpoint(
        "unknown path",
        (exchange, body) -> {
          throw new SignerRefusal(
              SignerRefusal.Kind.NOT_FOUND,
              "no such endpoint (signing port: /sign /commit /draw /status /api/get_pub_key"
                  + " /api/set_operator_key; attestation port: /attestation)");
        });
  }

  private static int port(Undertow server) {
    return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }
}
