package fr.boussole.core.conversation;

import fr.boussole.core.message.Channel;

import java.time.Instant;

/** Proof of consent: the exact text shown, its version, when it was accepted and on which channel. */
public record ConsentRecord(String textShown, String textVersion, Instant acceptedAt, Channel channel) {}
