package fr.boussole.testing;

import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.Inbox;
import fr.boussole.core.message.StoreUnavailableException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An in-memory stand-in for the pipeline's {@link Inbox}, for modules tested without it:
 * de-duplicates per channel and provider id like the real one, and can play a store that is down.
 */
public class RecordingInbox implements Inbox {

    private final List<Inbound> accepted = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private volatile boolean down;

    @Override
    public synchronized Acceptance accept(Inbound inbound) {
        if (down) {
            throw new StoreUnavailableException("store down (test)", null);
        }
        if (!seen.add(inbound.conversation().channel() + "/" + inbound.providerMessageId())) {
            return Acceptance.DUPLICATE;
        }
        accepted.add(inbound);
        return Acceptance.ACCEPTED;
    }

    public synchronized List<Inbound> accepted() {
        return List.copyOf(accepted);
    }

    public void down(boolean down) {
        this.down = down;
    }

    public synchronized void clear() {
        accepted.clear();
        seen.clear();
        down = false;
    }
}
