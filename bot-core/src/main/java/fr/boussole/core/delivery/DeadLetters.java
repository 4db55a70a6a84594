package fr.boussole.core.delivery;

import java.util.List;

/**
 * The deliveries the outbox gave up on after its configured attempts, as the animateur's console
 * sees them: never the message, the recipient only masked. Implemented by the outbox.
 */
public interface DeadLetters {

    /** The most recently dead-lettered first, at most {@code limit}. */
    List<DeadLetter> list(int limit);

    /** How many deliveries are dead-lettered now. */
    long count();

    /**
     * Puts a dead-lettered delivery back in the queue, its attempts counted from zero again. It goes
     * at its original place in its conversation: before anything of that conversation still waiting,
     * after what was sent meanwhile.
     *
     * @return false when there is no such dead letter (retried already, by someone else, or unknown):
     *         nothing changed
     */
    boolean retry(String id);
}
