package io.enclavelottery.enclave.client;

import io.enclavelottery.enclave.signer.SignerAttestation;
import io.enclavelottery.enclave.signer.TestSigner;
import io.enclavelottery.enclave.signer.http.SignerServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A {@link TestSigner} served over HTTP on ephemeral loopback ports, with clients for it. */
final class RunningSigner implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  final TestSigner test;
  final SignerServer server;
  final URI signingUrl;
  final URI attestationUrl;

  RunningSigner(TestSigner test) {
    this.test = test;
    this.server =
        SignerServer.start(
            test.signer,
            new SignerAttestation(test.nsm, test.keys, test.settings),
            new SignerServer.Listen("127.0.0.1", 0),
            new SignerServer.Listen("127.0.0.1", 0));
    this.signingUrl = URI.create("http://127.0.0.1:" + server.signingPort() + "/");
    this.attestationUrl = URI.create("http://127.0.0.1:" + server.attestationPort() + "/");
  }

  RemoteSigner remoteSigner() {
    return new RemoteSigner(signingUrl, TIMEOUT);
  }

  AttestationClient attestationClient() {
    return new AttestationClient(attestationUrl, TIMEOUT);
  }

  /** A raw request to the signing port: status and body. */
  HttpResponse<String> post(String path, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(signingUrl.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(URI base, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(base.resolve(path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.close();
  }
}
