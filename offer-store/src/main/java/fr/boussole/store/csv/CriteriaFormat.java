package fr.boussole.store.csv;

import fr.boussole.store.offer.Criterion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Criteria in a CSV cell: {@code question=value|value; question=value}, e.g.
 * {@code situation=etudiant|lyceen; permis-b=oui}. {@code question=any} writes a disabled criterion.
 */
final class CriteriaFormat {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private CriteriaFormat() {}

    static List<Criterion> parse(String cell) {
        List<Criterion> criteria = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return criteria;
        }
        Set<String> questions = new LinkedHashSet<>();
        for (String part : cell.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new InvalidCriteria("criterion-syntax", part.strip());
            }
            String question = part.substring(0, eq).strip();
            if (!ID.matcher(question).matches()) {
                throw new InvalidCriteria("criterion-question", question);
            }
            if (!questions.add(question)) {
                throw new InvalidCriteria("criterion-twice", question);
            }
            Set<String> values = new LinkedHashSet<>();
            for (String value : part.substring(eq + 1).split("\\|")) {
                String v = value.strip();
                if (!ID.matcher(v).matches()) {
                    throw new InvalidCriteria("criterion-value", v, question);
                }
                values.add(v);
            }
            criteria.add(new Criterion(question, values));
        }
        return criteria;
    }

    /** A cell that does not follow the syntax: the problem code and its arguments. */
    static final class InvalidCriteria extends IllegalArgumentException {
        final String code;
        final Object[] arguments;

        InvalidCriteria(String code, Object... arguments) {
            super(code);
            this.code = code;
            this.arguments = arguments;
        }
    }

    static String format(List<Criterion> criteria) {
        List<String> parts = new ArrayList<>();
        for (Criterion criterion : criteria) {
            parts.add(criterion.questionId() + "=" + String.join("|", criterion.acceptedValues().stream().sorted().toList()));
        }
        return String.join("; ", parts);
    }
}
