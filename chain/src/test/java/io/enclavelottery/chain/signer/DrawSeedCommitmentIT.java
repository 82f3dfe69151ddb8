package io.enclavelottery.chain.signer;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.contract.LotteryDeployer;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.generated.LotteryBinding;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/** A locally derived seed's commitment is the one the deployed contract computes. */
class DrawSeedCommitmentIT {

  @Test
  void theCommitmentMatchesTheContracts() throws Exception {
    try (LocalAnvil anvil = LocalAnvil.start(LocalAnvil.Options.defaults().automine())) {
      Web3j web3j = Web3j.build(new HttpService(anvil.httpUrl()));
      try {
        String lottery =
            new LotteryDeployer(web3j, anvil.httpUrl())
                .deploy(
                    anvil.account(0).key(),
                    LotteryDeployer.Options.forLocalChain(anvil.account(1).address()))
                .address();
        LotteryBinding contract =
            LotteryBinding.load(
                lottery,
                web3j,
                new ReadonlyTransactionManager(web3j, anvil.account(1).address()),
                new DefaultGasProvider());
        LocalSeedDerivation seeds = new LocalSeedDerivation(anvil.account(1).key());

        for (long round = 1; round <= 3; round++) {
          BigInteger roundId = BigInteger.valueOf(round);
          DrawSeed seed = seeds.seedFor(LocalAnvil.CHAIN_ID, lottery, roundId);

          assertThat(contract.computeCommitment(roundId, seed.bytes()).send())
              .isEqualTo(seed.commitment(LocalAnvil.CHAIN_ID, lottery, roundId));
        }
      } finally {
        web3j.shutdown();
      }
    }
  }
}
