/**
 * The lottery as the feed shows it, rebuilt from the contract's events: {@link
 * io.enclavelottery.frontend.view.LotteryView} holds the latest immutable {@link
 * io.enclavelottery.frontend.view.ViewSnapshot} and tells {@link
 * io.enclavelottery.frontend.view.ViewListener}s what changed.
 */
package io.enclavelottery.frontend.view;
