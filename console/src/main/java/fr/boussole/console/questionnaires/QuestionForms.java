package fr.boussole.console.questionnaires;

import fr.boussole.console.questionnaires.QuestionForm.ConditionMode;
import fr.boussole.console.questionnaires.QuestionForm.ConditionRow;
import fr.boussole.console.questionnaires.QuestionForm.OptionRow;
import fr.boussole.core.questionnaire.Condition;
import fr.boussole.core.questionnaire.Option;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.QuestionnaireRules;
import fr.boussole.core.questionnaire.Step;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Between a question of the model and its form: filling the form (with blank rows to add choices and
 * one condition row per earlier question that has answers), and reading it back into a question, with
 * an error per field (a message key) when it cannot be. Rules on the whole questionnaire (a later
 * question whose condition uses a removed choice) are {@code QuestionnaireRules}', checked after.
 */
final class QuestionForms {

    /** The question types, in the order the console offers them. */
    static final List<String> TYPES = List.of("single", "multiple", "yes-no", "number", "text", "commune");
    static final int BLANK_ROWS = 3;
    static final int MAX_LABEL = 60;
    static final int MAX_UNIT = 20;
    static final int MAX_TEXT_ANSWER = 2000;
    private static final int DEFAULT_TEXT_ANSWER = 200;

    /** The question read from its form, or what is wrong, by field path. */
    record Outcome(Step step, Map<String, String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private QuestionForms() {}

    static String type(Question question) {
        return switch (question) {
            case Question.SingleChoice ignored -> "single";
            case Question.MultipleChoice ignored -> "multiple";
            case Question.YesNo ignored -> "yes-no";
            case Question.Number ignored -> "number";
            case Question.FreeText ignored -> "text";
            case Question.CommuneQuestion ignored -> "commune";
        };
    }

    static List<Option> options(Question question) {
        return switch (question) {
            case Question.SingleChoice single -> single.options();
            case Question.MultipleChoice multiple -> multiple.options();
            default -> List.of();
        };
    }

    static QuestionForm of(Step step, List<Step> earlier, long revision) {
        QuestionForm form = new QuestionForm();
        form.setRevision(revision);
        form.setId(step.id());
        form.setType(type(step.question()));
        form.setText(step.text());
        form.setHelp(step.help());
        List<OptionRow> rows = new ArrayList<>();
        List<Option> options = options(step.question());
        for (int i = 0; i < options.size(); i++) {
            Option option = options.get(i);
            rows.add(new OptionRow(option.id(), option.label(), String.join(", ", option.aliases()), option.urgent(), true,
                    i + 1));
        }
        form.setOptions(rows);
        switch (step.question()) {
            case Question.Number number -> {
                form.setMin(number.min());
                form.setMax(number.max());
                form.setUnit(number.unit());
            }
            case Question.FreeText text -> form.setMaxLength(text.maxLength());
            default -> { }
        }
        form.setConditions(conditionRows(step.condition(), earlier));
        return withBlankRows(form);
    }

    static QuestionForm blank(String type, List<Step> earlier, long revision) {
        QuestionForm form = new QuestionForm();
        form.setRevision(revision);
        form.setType(type != null && TYPES.contains(type) ? type : "single");
        form.setMaxLength(DEFAULT_TEXT_ANSWER);
        form.setConditions(conditionRows(Condition.ALWAYS, earlier));
        return withBlankRows(form);
    }

    /** Adds blank choice rows after the filled ones, so that choices can be added without a script. */
    static QuestionForm withBlankRows(QuestionForm form) {
        if (form.getType() != null && (form.getType().equals("single") || form.getType().equals("multiple"))) {
            int next = form.getOptions().size() + 1;
            for (int i = 0; i < BLANK_ROWS; i++) {
                form.getOptions().add(new OptionRow("", "", "", false, false, next + i));
            }
        }
        return form;
    }

    /** One row per earlier question with answers to pick from, filled from the condition. */
    static List<ConditionRow> conditionRows(Condition condition, List<Step> earlier) {
        List<ConditionRow> rows = new ArrayList<>();
        for (Step step : earlier) {
            if (QuestionnaireRules.valuesOf(step.question()).isEmpty()) {
                continue;
            }
            ConditionMode mode = condition.when().containsKey(step.id()) ? ConditionMode.WHEN
                    : condition.unless().containsKey(step.id()) ? ConditionMode.UNLESS : ConditionMode.ALWAYS;
            Set<String> values = switch (mode) {
                case WHEN -> condition.when().get(step.id());
                case UNLESS -> condition.unless().get(step.id());
                case ALWAYS -> Set.of();
            };
            rows.add(new ConditionRow(step.id(), mode, QuestionnaireRules.valuesOf(step.question()).stream()
                    .filter(values::contains).toList()));
        }
        return rows;
    }

    /**
     * The rows as sent, again one per earlier question with answers and in their order (a row for any
     * other question is dropped, a missing one comes back as "always"): what the form shows after an error.
     */
    static List<ConditionRow> conditionRows(List<ConditionRow> sent, List<Step> earlier) {
        Map<String, ConditionRow> byQuestion = new HashMap<>();
        sent.forEach(row -> byQuestion.putIfAbsent(String.valueOf(row.getQuestion()), row));
        List<ConditionRow> rows = new ArrayList<>();
        for (ConditionRow row : conditionRows(Condition.ALWAYS, earlier)) {
            ConditionRow given = byQuestion.get(row.getQuestion());
            if (given != null) {
                row.setMode(Arrays.stream(ConditionMode.values()).map(Enum::name).anyMatch(m -> m.equals(given.getMode()))
                        ? given.getMode() : ConditionMode.ALWAYS.name());
                row.setValues(new ArrayList<>(given.getValues()));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * The question the form describes.
     *
     * @param existing the question being edited, or null for a new one
     * @param otherIds the ids of the questionnaire's other questions
     */
    static Outcome read(QuestionForm form, Step existing, List<Step> earlier, Set<String> otherIds) {
        Map<String, String> errors = new LinkedHashMap<>();
        String id = existing != null ? existing.id() : trimmed(form.getId());
        if (existing == null) {
            if (id.isEmpty()) {
                errors.put("id", "questionnaire.error.id-required");
            } else if (!QuestionnaireRules.ID.matcher(id).matches()) {
                errors.put("id", "questionnaire.error.id-invalid");
            } else if (otherIds.contains(id)) {
                errors.put("id", "questionnaire.error.id-taken");
            }
        }
        String type = type(form, existing);
        form.setType(type == null || !TYPES.contains(type) ? "single" : type);
        if (type == null || !TYPES.contains(type)) {
            errors.put("type", "questionnaire.error.type");
            return new Outcome(null, errors);
        }
        String text = trimmed(form.getText());
        if (text.isEmpty()) {
            errors.put("text", "questionnaire.error.text-required");
        } else if (text.length() > QuestionnaireRules.MAX_TEXT) {
            errors.put("text", "questionnaire.error.text-too-long");
        }
        String help = trimmed(form.getHelp());
        if (help.length() > QuestionnaireRules.MAX_TEXT) {
            errors.put("help", "questionnaire.error.text-too-long");
        }
        Question question = question(type, form, errors);
        Condition condition = condition(form, existing, earlier, errors);
        if (!errors.isEmpty() || id.isEmpty()) {
            return new Outcome(null, errors);
        }
        return new Outcome(new Step(id, text, help.isEmpty() ? null : help, question, condition), Map.of());
    }

    /** The type a form gives: an existing question keeps its own, except that single and multiple trade places. */
    static String type(QuestionForm form, Step existing) {
        if (existing == null) {
            return form.getType();
        }
        String own = type(existing.question());
        return isChoice(own) && isChoice(form.getType()) ? form.getType() : own;
    }

    private static boolean isChoice(String type) {
        return "single".equals(type) || "multiple".equals(type);
    }

    private static Question question(String type, QuestionForm form, Map<String, String> errors) {
        return switch (type) {
            case "single" -> new Question.SingleChoice(options(form, errors));
            case "multiple" -> new Question.MultipleChoice(options(form, errors));
            case "yes-no" -> new Question.YesNo();
            case "commune" -> new Question.CommuneQuestion();
            case "text" -> {
                int max = form.getMaxLength() == null ? DEFAULT_TEXT_ANSWER : form.getMaxLength();
                if (max < 1 || max > MAX_TEXT_ANSWER) {
                    errors.put("maxLength", "questionnaire.error.max-length");
                    max = DEFAULT_TEXT_ANSWER;
                }
                yield new Question.FreeText(max);
            }
            default -> {
                if (form.getMin() == null || form.getMax() == null) {
                    errors.put("min", "questionnaire.error.bounds-required");
                    yield new Question.Number(0, 0, null);
                }
                if (form.getMin() > form.getMax()) {
                    errors.put("min", "questionnaire.error.bounds-order");
                    yield new Question.Number(0, 0, null);
                }
                String unit = trimmed(form.getUnit());
                if (unit.length() > MAX_UNIT) {
                    errors.put("unit", "questionnaire.error.unit-too-long");
                }
                yield new Question.Number(form.getMin(), form.getMax(), unit.isEmpty() ? null : unit);
            }
        };
    }

    private static List<Option> options(QuestionForm form, Map<String, String> errors) {
        record Row(int index, int position, Option option) {}
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<OptionRow> given = form.getOptions();
        for (int i = 0; i < given.size(); i++) {
            OptionRow row = given.get(i);
            String label = trimmed(row.getLabel());
            String id = trimmed(row.getId());
            if (row.isRemove() || (!row.isExisting() && label.isEmpty() && id.isEmpty())) {
                continue;
            }
            String path = "options[" + i + "]";
            if (label.isEmpty()) {
                errors.put(path + ".label", "questionnaire.error.label-required");
            } else if (label.length() > MAX_LABEL) {
                errors.put(path + ".label", "questionnaire.error.label-too-long");
            }
            if (id.isEmpty()) {
                id = slug(label);
            }
            if (!QuestionnaireRules.ID.matcher(id).matches()) {
                errors.put(path + ".id", "questionnaire.error.id-invalid");
            } else if (!seen.add(id)) {
                errors.put(path + ".id", "questionnaire.error.option-twice");
            }
            List<String> aliases = Arrays.stream(trimmed(row.getAliases()).split(","))
                    .map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
            int position = row.getPosition() == null ? Integer.MAX_VALUE : row.getPosition();
            rows.add(new Row(i, position, new Option(id, label.isEmpty() ? id : label, aliases, row.isUrgent())));
        }
        if (rows.size() < 2) {
            errors.put("options", "questionnaire.error.options-too-few");
        }
        rows.sort(Comparator.comparingInt(Row::position).thenComparingInt(Row::index));
        return rows.stream().map(Row::option).toList();
    }

    private static Condition condition(QuestionForm form, Step existing, List<Step> earlier, Map<String, String> errors) {
        Map<String, Set<String>> when = new HashMap<>();
        Map<String, Set<String>> unless = new HashMap<>();
        Set<String> shown = new HashSet<>();
        Map<String, Set<String>> valuesOf = new HashMap<>();
        earlier.forEach(step -> valuesOf.put(step.id(), QuestionnaireRules.valuesOf(step.question())));
        List<ConditionRow> rows = form.getConditions();
        for (int i = 0; i < rows.size(); i++) {
            ConditionRow row = rows.get(i);
            Set<String> known = valuesOf.get(row.getQuestion());
            if (known == null || known.isEmpty()) {
                continue; // not a question asked before with answers: nothing to depend on
            }
            shown.add(row.getQuestion());
            ConditionMode mode;
            try {
                mode = ConditionMode.valueOf(String.valueOf(row.getMode()));
            } catch (IllegalArgumentException unknown) {
                mode = ConditionMode.ALWAYS;
            }
            if (mode == ConditionMode.ALWAYS) {
                continue;
            }
            Set<String> values = new LinkedHashSet<>(row.getValues());
            values.retainAll(known);
            if (values.isEmpty()) {
                errors.put("conditions[" + i + "].values", "questionnaire.error.condition-no-value");
                continue;
            }
            (mode == ConditionMode.WHEN ? when : unless).put(row.getQuestion(), values);
        }
        if (existing != null) {
            // Parts of the condition the form cannot show (on a number, a text, a commune) are kept as they were.
            existing.condition().when().forEach((q, v) -> { if (!shown.contains(q)) when.putIfAbsent(q, v); });
            existing.condition().unless().forEach((q, v) -> { if (!shown.contains(q)) unless.putIfAbsent(q, v); });
        }
        return new Condition(when, unless);
    }

    /** An id from a label: "Bac pro (ou CAP)" gives "bac-pro-ou-cap". */
    static String slug(String label) {
        String ascii = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug;
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
