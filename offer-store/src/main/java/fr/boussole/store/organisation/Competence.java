package fr.boussole.store.organisation;

import java.util.List;

/**
 * Where an organisation may act: the whole country, regions (INSEE region codes), departments,
 * territories (territory ids) or a list of communes (INSEE codes).
 */
public record Competence(ScopeLevel level, List<String> codes) {

    public Competence {
        if (level == null) {
            throw new IllegalArgumentException("a competence needs a level");
        }
        codes = codes == null ? List.of() : List.copyOf(codes);
        if (level != ScopeLevel.NATIONAL && codes.isEmpty()) {
            throw new IllegalArgumentException("a " + level + " competence needs at least one code");
        }
    }

    public static Competence national() {
        return new Competence(ScopeLevel.NATIONAL, List.of());
    }
}
