package fr.boussole.dialogs.questionnaire;

import fr.boussole.core.questionnaire.Condition;
import fr.boussole.core.questionnaire.Option;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.QuestionnaireFormat;
import fr.boussole.core.questionnaire.QuestionnaireRules;
import fr.boussole.core.questionnaire.Step;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Questionnaires in the YAML form of the bundled files, both ways: a territory's versions are stored
 * and exported in it, written in the same layout (one line per option) so that two versions compare
 * line by line. Texts are always double-quoted and escaped; ids are plain unless YAML would read them
 * as something else than a string.
 */
public final class YamlQuestionnaires implements QuestionnaireFormat {

    private static final Pattern PLAIN_ID = Pattern.compile("[a-z][a-z0-9-]*");
    /** Words YAML 1.1 reads as booleans or null: an id spelled so must be quoted. */
    private static final Set<String> RESERVED = Set.of("yes", "no", "on", "off", "true", "false", "null");

    @Override
    public Questionnaire read(String origin, String text) {
        return QuestionnaireLoader.read(origin, new StringReader(text));
    }

    @Override
    public String write(Questionnaire questionnaire) {
        StringBuilder out = new StringBuilder();
        out.append("id: ").append(id(questionnaire.id())).append('\n');
        out.append("version: ").append(questionnaire.version()).append('\n');
        out.append("theme: ").append(id(questionnaire.theme())).append('\n');
        out.append("steps:\n");
        Map<String, Step> byId = new HashMap<>();
        for (Step step : questionnaire.steps()) {
            step(step, byId, out);
            byId.putIfAbsent(step.id(), step);
        }
        return out.toString();
    }

    private static void step(Step step, Map<String, Step> earlier, StringBuilder out) {
        out.append("  - id: ").append(id(step.id())).append('\n');
        out.append("    type: ").append(type(step.question())).append('\n');
        out.append("    text: ").append(quoted(step.text())).append('\n');
        if (step.help() != null) {
            out.append("    help: ").append(quoted(step.help())).append('\n');
        }
        condition("when", step.condition().when(), earlier, out);
        condition("unless", step.condition().unless(), earlier, out);
        switch (step.question()) {
            case Question.SingleChoice single -> options(single.options(), out);
            case Question.MultipleChoice multiple -> options(multiple.options(), out);
            case Question.Number number -> {
                out.append("    min: ").append(number.min()).append('\n');
                out.append("    max: ").append(number.max()).append('\n');
                if (number.unit() != null) {
                    out.append("    unit: ").append(quoted(number.unit())).append('\n');
                }
            }
            case Question.FreeText text -> out.append("    max: ").append(text.maxLength()).append('\n');
            case Question.YesNo ignored -> { }
            case Question.CommuneQuestion ignored -> { }
        }
    }

    static String type(Question question) {
        return switch (question) {
            case Question.SingleChoice ignored -> "single";
            case Question.MultipleChoice ignored -> "multiple";
            case Question.Number ignored -> "number";
            case Question.YesNo ignored -> "yes-no";
            case Question.FreeText ignored -> "text";
            case Question.CommuneQuestion ignored -> "commune";
        };
    }

    private static void options(List<Option> options, StringBuilder out) {
        out.append("    options:\n");
        for (Option option : options) {
            out.append("      - {id: ").append(id(option.id())).append(", label: ").append(quoted(option.label()));
            if (option.urgent()) {
                out.append(", urgent: true");
            }
            if (!option.aliases().isEmpty()) {
                out.append(", aliases: [");
                for (int i = 0; i < option.aliases().size(); i++) {
                    out.append(i == 0 ? "" : ", ").append(quoted(option.aliases().get(i)));
                }
                out.append(']');
            }
            out.append("}\n");
        }
    }

    /** Questions in the order they are asked, values in the order of their question's options. */
    private static void condition(String kind, Map<String, Set<String>> condition, Map<String, Step> earlier,
                                  StringBuilder out) {
        if (condition.isEmpty()) {
            return;
        }
        List<String> questions = new ArrayList<>(condition.keySet());
        List<String> order = new ArrayList<>(earlier.keySet());
        questions.sort((a, b) -> Integer.compare(rank(order, a), rank(order, b)) != 0
                ? Integer.compare(rank(order, a), rank(order, b)) : a.compareTo(b));
        out.append("    ").append(kind).append(": {");
        for (int i = 0; i < questions.size(); i++) {
            String question = questions.get(i);
            List<String> known = earlier.containsKey(question)
                    ? List.copyOf(QuestionnaireRules.valuesOf(earlier.get(question).question())) : List.of();
            List<String> values = new ArrayList<>(condition.get(question));
            values.sort((a, b) -> Integer.compare(rank(known, a), rank(known, b)) != 0
                    ? Integer.compare(rank(known, a), rank(known, b)) : a.compareTo(b));
            out.append(i == 0 ? "" : ", ").append(id(question)).append(": [");
            for (int j = 0; j < values.size(); j++) {
                out.append(j == 0 ? "" : ", ").append(id(values.get(j)));
            }
            out.append(']');
        }
        out.append("}\n");
    }

    private static int rank(List<String> order, String value) {
        int index = order.indexOf(value);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static String id(String id) {
        return PLAIN_ID.matcher(id).matches() && !RESERVED.contains(id) ? id : quoted(id);
    }

    /** A YAML double-quoted scalar: backslash, quote and every control or line-breaking character escaped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff || c >= 0xfffe) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
