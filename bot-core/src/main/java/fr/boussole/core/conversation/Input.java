package fr.boussole.core.conversation;

import fr.boussole.core.promise.ContactCheckPrompt;
import fr.boussole.core.promise.RequestNews;
import fr.boussole.core.handover.PersonInput;
import fr.boussole.core.message.Inbound;

import java.util.Optional;

/**
 * What a turn answers: a message from the young person, or a system input that a job of the service
 * put in the conversation's inbox. A closed set: the engine switches over it.
 */
public sealed interface Input {

    /** A message typed, tapped or shared by the young person. */
    record Message(Inbound inbound) implements Input {}

    /** An input from the service itself: it neither starts nor prolongs the young person's session. */
    sealed interface SystemInput extends Input {}

    /** Time to ask "were you contacted?" about one request. */
    record ContactCheckDue(ContactCheckPrompt prompt) implements SystemInput {}

    /** What became of one of the young person's requests, to tell them. */
    record RequestNewsArrived(RequestNews news) implements SystemInput {}

    /** A person took, answered or handed back the conversation, from the console's inbox. */
    record PersonSpoke(PersonInput input) implements SystemInput {}

    /**
     * The input an inbox message carries. System inputs travel through the inbox as inbound messages
     * (for the same order, de-duplication and crash safety); only the genuine ones are read as such.
     */
    static Input of(Inbound inbound) {
        Optional<ContactCheckPrompt> check = ContactCheckPrompt.in(inbound);
        if (check.isPresent()) {
            return new ContactCheckDue(check.get());
        }
        Optional<RequestNews> news = RequestNews.in(inbound);
        if (news.isPresent()) {
            return new RequestNewsArrived(news.get());
        }
        return PersonInput.in(inbound).<Input>map(PersonSpoke::new).orElseGet(() -> new Message(inbound));
    }
}
