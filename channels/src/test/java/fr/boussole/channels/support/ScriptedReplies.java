package fr.boussole.channels.support;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.message.ReplyWait;

import java.util.List;
import java.util.Optional;

/** A stand-in for the pipeline's reply wait: answers every message with one reply naming it. */
public class ScriptedReplies implements ReplyWait {

    @Override
    public Outcome await(Channel channel, String providerMessageId) {
        return new Outcome.Answered(List.of(new OutboundMessage("reçu " + providerMessageId, List.of(), false)));
    }

    @Override
    public Optional<String> offeredLabel(ConversationKey conversation, String choiceId) {
        return Optional.empty();
    }

    @Override
    public List<OutboundMessage> unread(ConversationKey conversation) {
        return List.of();
    }
}
