package fr.boussole.store.territory;

import java.util.List;

/**
 * What a territory was drawn from, kept so the administrator sees it as they chose it: whole
 * departments, intercommunalities (EPCI, by SIREN), or a list of communes (INSEE codes). The territory's
 * communes are resolved from it when it is saved.
 */
public record Composition(Kind kind, List<String> codes) {

    public enum Kind { DEPARTEMENTS, EPCIS, COMMUNES }

    public Composition {
        if (kind == null) {
            throw new IllegalArgumentException("a composition needs a kind");
        }
        codes = codes == null ? List.of() : List.copyOf(codes);
    }
}
