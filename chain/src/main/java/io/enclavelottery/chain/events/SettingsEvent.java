package io.enclavelottery.chain.events;

/** The operator changed one of the round settings (each changeable only while WAITING). */
public sealed interface SettingsEvent extends LotteryEvent
    permits MinBetAmountUpdated,
        BettingDurationUpdated,
        MinParticipantsUpdated,
        DrawDelaysUpdated,
        MinEndTimeExtensionUpdated {}
