package fr.boussole.dialogs.questionnaire;

import fr.boussole.core.questionnaire.Condition;
import fr.boussole.core.questionnaire.Option;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.QuestionnaireException;
import fr.boussole.core.questionnaire.QuestionnaireProblem;
import fr.boussole.core.questionnaire.QuestionnaireRules;
import fr.boussole.core.questionnaire.Questionnaires;
import fr.boussole.core.questionnaire.Step;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads questionnaires from YAML and refuses any it cannot trust: an unknown type, a missing field, or
 * anything {@link QuestionnaireRules} refuses (a condition on a question that is not asked before, a
 * value that question does not have, a duplicate id). The message names the file and the step, so
 * that whoever edited it finds the line.
 */
public final class QuestionnaireLoader {

    /** The themes whose questionnaires ship with the application, under {@code questionnaires/<theme>.yaml}. */
    public static final List<String> BUNDLED_THEMES =
            List.of("emploi", "formation", "logement", "sante", "mobilite-internationale");

    private static final int DEFAULT_TEXT_LENGTH = 200;

    private QuestionnaireLoader() {}

    public static Questionnaires bundled() {
        List<Questionnaire> all = new ArrayList<>();
        for (String theme : BUNDLED_THEMES) {
            String file = "questionnaires/" + theme + ".yaml";
            try (InputStream in = QuestionnaireLoader.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    throw new QuestionnaireException(file + ": not found on the classpath");
                }
                Questionnaire questionnaire = read(file, new InputStreamReader(in, StandardCharsets.UTF_8));
                if (!questionnaire.theme().equals(theme)) {
                    throw new QuestionnaireException(file + ": theme '" + questionnaire.theme() + "' does not match the file name");
                }
                all.add(questionnaire);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return Questionnaires.of(all);
    }

    public static Questionnaire read(String file, Reader reader) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (RuntimeException e) {
            throw new QuestionnaireException(file + ": not valid YAML: " + e.getMessage());
        }
        Map<?, ?> root = map(loaded, file);
        String id = id(root.get("id"), file, "id", QuestionnaireRules.QUESTIONNAIRE_ID);
        int version = root.get("version") instanceof Integer v && v > 0 ? v
                : fail(file + ": 'version' must be a positive whole number");
        String theme = id(root.get("theme"), file, "theme");
        if (!(root.get("steps") instanceof List<?> rawSteps) || rawSteps.isEmpty()) {
            throw new QuestionnaireException(file + ": 'steps' must be a non-empty list");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < rawSteps.size(); i++) {
            Map<?, ?> raw = map(rawSteps.get(i), file + ", step #" + (i + 1));
            steps.add(step(raw, file, i + 1));
        }
        Questionnaire questionnaire = new Questionnaire(id, version, theme, steps);
        List<QuestionnaireProblem> problems = QuestionnaireRules.check(questionnaire);
        if (!problems.isEmpty()) {
            throw new QuestionnaireException(file + ", " + problems.getFirst().describe());
        }
        return questionnaire;
    }

    private static Step step(Map<?, ?> raw, String file, int number) {
        String id = id(raw.get("id"), file, "step #" + number + " id");
        String where = file + ", step '" + id + "'";
        String text = text(raw.get("text"), where, "text");
        String help = raw.get("help") == null ? null : text(raw.get("help"), where, "help");
        String type = raw.get("type") instanceof String t ? t : fail(where + ": 'type' is missing");
        Question question = switch (type) {
            case "single" -> new Question.SingleChoice(options(raw.get("options"), where));
            case "multiple" -> new Question.MultipleChoice(options(raw.get("options"), where));
            case "number" -> number(raw, where);
            case "yes-no" -> new Question.YesNo();
            case "text" -> new Question.FreeText(raw.get("max") instanceof Integer max && max > 0 ? max : DEFAULT_TEXT_LENGTH);
            case "commune" -> new Question.CommuneQuestion();
            default -> fail(where + ": unknown type '" + type
                    + "' (known: single, multiple, number, yes-no, text, commune)");
        };
        Condition condition = new Condition(condition(raw.get("when"), where, "when"),
                condition(raw.get("unless"), where, "unless"));
        return new Step(id, text, help, question, condition);
    }

    private static Question.Number number(Map<?, ?> raw, String where) {
        if (!(raw.get("min") instanceof Integer min) || !(raw.get("max") instanceof Integer max)) {
            throw new QuestionnaireException(where + ": a number needs whole 'min' and 'max'");
        }
        if (min > max) {
            throw new QuestionnaireException(where + ": 'min' is above 'max'");
        }
        return new Question.Number(min, max, raw.get("unit") instanceof String unit ? unit : null);
    }

    private static List<Option> options(Object raw, String where) {
        if (!(raw instanceof List<?> list)) {
            throw new QuestionnaireException(where + ": a choice needs at least two 'options'");
        }
        List<Option> options = new ArrayList<>();
        for (Object item : list) {
            Map<?, ?> option = map(item, where + ", an option");
            String id = id(option.get("id"), where, "option id");
            List<String> aliases = new ArrayList<>();
            if (option.get("aliases") instanceof List<?> words) {
                words.forEach(word -> aliases.add(String.valueOf(word)));
            } else if (option.get("aliases") != null) {
                throw new QuestionnaireException(where + ": 'aliases' of option '" + id + "' must be a list");
            }
            Object urgent = option.get("urgent") == null ? Boolean.FALSE : option.get("urgent");
            if (!(urgent instanceof Boolean)) {
                throw new QuestionnaireException(where + ": 'urgent' of option '" + id + "' must be true or false");
            }
            options.add(new Option(id, text(option.get("label"), where, "label of option '" + id + "'"), aliases,
                    (Boolean) urgent));
        }
        return options;
    }

    private static Map<String, Set<String>> condition(Object raw, String where, String kind) {
        if (raw == null) {
            return Map.of();
        }
        Map<?, ?> map = map(raw, where + ", '" + kind + "'");
        Map<String, Set<String>> condition = new HashMap<>();
        map.forEach((question, values) -> {
            String questionId = String.valueOf(question);
            if (!(values instanceof List<?> list) || list.isEmpty()) {
                throw new QuestionnaireException(where + ": '" + kind + "' on '" + questionId + "' needs a list of values");
            }
            Set<String> ids = new LinkedHashSet<>();
            for (Object value : list) {
                ids.add(String.valueOf(value));
            }
            condition.put(questionId, ids);
        });
        return condition;
    }

    private static Map<?, ?> map(Object raw, String where) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new QuestionnaireException(where + ": expected a map");
        }
        return map;
    }

    private static String id(Object raw, String where, String what) {
        return id(raw, where, what, QuestionnaireRules.ID);
    }

    private static String id(Object raw, String where, String what, Pattern pattern) {
        String value = raw == null ? null : String.valueOf(raw);
        if (value == null || !pattern.matcher(value).matches()) {
            throw new QuestionnaireException(where + ": " + what + " must be lower-case ascii words joined by '-', got '" + value + "'");
        }
        return value;
    }

    private static String text(Object raw, String where, String what) {
        if (!(raw instanceof String text) || text.isBlank()) {
            throw new QuestionnaireException(where + ": '" + what + "' must be a non-empty text");
        }
        return text.strip();
    }

    private static <T> T fail(String message) {
        throw new QuestionnaireException(message);
    }
}
