package io.enclavelottery.frontend;

import io.enclavelottery.chain.devnet.LocalAnvil;
import java.util.HashMap;
import java.util.Map;

/** Configurations for a frontend server against a local Anvil, as tests need them. */
final class TestServers {

  private TestServers() {}

  /**
   * The environment of a server on a free port of 127.0.0.1, polling every 50 ms, without a rate
   * limit; {@code overrides} replace or add variables.
   */
  static Map<String, String> environment(
      LocalAnvil anvil, String contract, Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>();
    env.put("BLOCKCHAIN_RPC_URL", anvil.httpUrl());
    env.put("BLOCKCHAIN_CHAIN_ID", Long.toString(LocalAnvil.CHAIN_ID));
    env.put("BLOCKCHAIN_CONTRACT_ADDRESS", contract);
    env.put("SERVER_HOST", "127.0.0.1");
    env.put("SERVER_PORT", "0");
    env.put("EVENTMGR_POLL_INTERVAL_SECONDS", "0.05");
    env.put("SERVER_RATE_LIMIT_PER_SECOND", "0");
    env.putAll(overrides);
    return env;
  }

  static FrontendServer start(LocalAnvil anvil, String contract) {
    return start(anvil, contract, Map.of());
  }

  static FrontendServer start(LocalAnvil anvil, String contract, Map<String, String> overrides) {
    return FrontendServer.start(
        FrontendConfig.fromEnvironment(environment(anvil, contract, overrides)::get));
  }
}
