package fr.boussole.store.questionnaire;

/**
 * The draft is not the one the change was made on: someone saved, published or discarded it in the
 * meantime. Nothing was stored; reload the draft and apply the change again.
 */
public class DraftChanged extends RuntimeException {
    public DraftChanged(String message) {
        super(message);
    }
}
