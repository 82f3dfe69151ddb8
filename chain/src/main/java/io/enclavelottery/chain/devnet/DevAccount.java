package io.enclavelottery.chain.devnet;

import io.enclavelottery.chain.signer.SigningKey;

/** One of a local Anvil node's funded dev accounts (public test data, for local chains only). */
public record DevAccount(String address, SigningKey key) {}
