package fr.boussole.core.journey;

import fr.boussole.core.language.Intent;
import fr.boussole.core.language.PlaceMention;
import fr.boussole.core.offer.TerritoryDirectory;
import fr.boussole.core.language.Understanding;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.place.Commune;
import fr.boussole.core.place.CommuneDirectory;
import fr.boussole.core.questionnaire.Option;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Reads a message as the answer to one questionnaire step, the way young people type. */
final class AnswerReader {

    /** "1 et 3", "1, 3", "anglais / espagnol": the separators of several choices in one message. */
    private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:,|;|/|&|\\bet\\b|\\bpuis\\b)\\s*");
    private static final Pattern DIGITS_ONLY = Pattern.compile("\\d+(?:\\s+\\d+)+");

    /** Value ids that mean "whatever", by convention of the questionnaires (docs/questionnaires.md). */
    private static final java.util.Set<String> NO_PREFERENCE = java.util.Set.of("ne-sait-pas", "peu-importe");

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final Understanding understanding;
    private final CommuneDirectory communes;
    private final TerritoryDirectory territories;
    private final Texts texts;

    AnswerReader(Understanding understanding, CommuneDirectory communes, TerritoryDirectory territories, Texts texts) {
        this.understanding = understanding;
        this.communes = communes;
        this.territories = territories;
        this.texts = texts;
    }

    StepAnswer read(Step step, Inbound inbound, List<String> communeCandidates) {
        return switch (step.question()) {
            case Question.SingleChoice single -> single(single.options(), inbound);
            case Question.MultipleChoice multiple -> multiple(multiple.options(), inbound);
            case Question.Number number -> number(number, inbound.text());
            case Question.YesNo ignored -> yesNo(inbound);
            case Question.FreeText free -> freeText(free, inbound.text());
            case Question.CommuneQuestion ignored -> commune(inbound, communeCandidates);
        };
    }

    /**
     * The step's own "no preference" value, for a young person who says they do not know: an answer
     * that keeps every offer, rather than a failure. Empty when the step has no such value.
     */
    Optional<StepAnswer> noPreference(Step step) {
        List<Option> options = switch (step.question()) {
            case Question.SingleChoice single -> single.options();
            case Question.MultipleChoice multiple -> multiple.options();
            default -> List.of();
        };
        return options.stream().filter(o -> NO_PREFERENCE.contains(o.id())).findFirst()
                .map(o -> new StepAnswer.Given(List.of(o.id()), List.of(o.label())));
    }

    /** The choices offered for a step, as the message shows them. */
    List<Choice> choicesOf(Step step) {
        return switch (step.question()) {
            case Question.SingleChoice single -> toChoices(single.options());
            case Question.MultipleChoice multiple -> toChoices(multiple.options());
            case Question.YesNo ignored -> yesNoChoices();
            default -> List.of();
        };
    }

    List<Choice> yesNoChoices() {
        return List.of(new Choice(Question.YesNo.YES, texts.text("choice.yes")),
                new Choice(Question.YesNo.NO, texts.text("choice.no")));
    }

    /** Yes, no, or neither, from a tap or from words ("ouais", "pas du tout"). */
    Optional<Boolean> yesOrNo(Inbound inbound) {
        if (inbound.choiceId() != null) {
            if (inbound.choiceId().equals(Question.YesNo.YES)) {
                return Optional.of(true);
            }
            if (inbound.choiceId().equals(Question.YesNo.NO)) {
                return Optional.of(false);
            }
        }
        Intent intent = understanding.intentOf(inbound.text());
        if (intent == Intent.YES) {
            return Optional.of(true);
        }
        if (intent == Intent.NO) {
            return Optional.of(false);
        }
        return understanding.choiceIn(inbound.text(), yesNoChoices()).map(c -> c.id().equals(Question.YesNo.YES));
    }

    private StepAnswer single(List<Option> options, Inbound inbound) {
        List<Choice> choices = toChoices(options);
        return byAlias(inbound.choiceId() == null ? inbound.text() : "", options).or(() -> chosen(inbound, choices))
                .<StepAnswer>map(c -> new StepAnswer.Given(List.of(c.id()), List.of(c.label())))
                .orElse(new StepAnswer.Invalid("reask.choice"));
    }

    private StepAnswer multiple(List<Option> options, Inbound inbound) {
        List<Choice> choices = toChoices(options);
        if (inbound.choiceId() != null) {
            return single(options, inbound);
        }
        String text = inbound.text().strip();
        List<String> pieces = new ArrayList<>(List.of(SEPARATORS.split(text)));
        pieces.removeIf(String::isBlank);
        if (pieces.size() == 1 && DIGITS_ONLY.matcher(text).matches()) {
            pieces = List.of(text.split("\\s+"));
        }
        if (pieces.size() <= 1) {
            return single(options, inbound);
        }
        List<String> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String piece : pieces) {
            Optional<Choice> choice = byAlias(piece, options).or(() -> understanding.choiceIn(piece, choices));
            if (choice.isEmpty()) {
                return new StepAnswer.Invalid("reask.choice-several");
            }
            if (!values.contains(choice.get().id())) {
                values.add(choice.get().id());
                labels.add(choice.get().label());
            }
        }
        return new StepAnswer.Given(values, labels);
    }

    private StepAnswer number(Question.Number question, String text) {
        OptionalInt number = understanding.numberIn(text);
        if (number.isEmpty()) {
            return new StepAnswer.Invalid("reask.number");
        }
        int value = number.getAsInt();
        if (value < question.min() || value > question.max()) {
            return new StepAnswer.Invalid("reask.number-range");
        }
        String label = question.unit() == null || question.unit().isBlank() ? Integer.toString(value)
                : value + " " + question.unit();
        return new StepAnswer.Given(List.of(Integer.toString(value)), List.of(label));
    }

    private StepAnswer yesNo(Inbound inbound) {
        return yesOrNo(inbound)
                .<StepAnswer>map(yes -> yes
                        ? new StepAnswer.Given(List.of(Question.YesNo.YES), List.of(texts.text("choice.yes")))
                        : new StepAnswer.Given(List.of(Question.YesNo.NO), List.of(texts.text("choice.no"))))
                .orElse(new StepAnswer.Invalid("reask.yes-no"));
    }

    private StepAnswer freeText(Question.FreeText question, String text) {
        String answer = text.strip();
        if (answer.isEmpty()) {
            return new StepAnswer.Invalid("reask.text");
        }
        if (answer.length() > question.maxLength()) {
            answer = answer.substring(0, question.maxLength());
        }
        return new StepAnswer.Given(List.of(answer), List.of(answer));
    }

    private StepAnswer commune(Inbound inbound, List<String> candidates) {
        if (!candidates.isEmpty()) {
            List<Choice> choices = CommuneChoices.of(candidates, communes, territories);
            Optional<Choice> chosen = chosen(inbound, choices);
            if (chosen.isPresent()) {
                return new StepAnswer.Given(List.of(chosen.get().id()), List.of(chosen.get().label()));
            }
        }
        if (inbound.text().isBlank()) {
            return new StepAnswer.Invalid("reask.commune");
        }
        // Only a span that looks like a place: never a whole question or a thank-you ("c'est payant ?").
        List<Commune> found = inbound.choiceId() != null ? List.of()
                : understanding.read(inbound.text()).place().map(PlaceMention::communes).orElse(List.of());
        if (found.isEmpty()) {
            return new StepAnswer.Invalid("reask.commune");
        }
        if (found.size() == 1) {
            Commune commune = found.getFirst();
            return new StepAnswer.Given(List.of(commune.insee()), List.of(commune.name()));
        }
        return new StepAnswer.Ambiguous(CommuneChoices.ordered(found, territories));
    }

    /**
     * An option whose id or one of its aliases is what was typed, accents and case aside; else the one
     * option with an alias among the words typed ("jsuis au chomage"). Two options named: none.
     */
    private Optional<Choice> byAlias(String text, List<Option> options) {
        String typed = understanding.normalise(text);
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        Optional<Option> exact = options.stream()
                .filter(o -> understanding.normalise(o.id().replace('-', ' ')).equals(typed)
                        || o.aliases().stream().anyMatch(a -> understanding.normalise(a).equals(typed)))
                .findFirst();
        if (exact.isPresent()) {
            return exact.map(o -> new Choice(o.id(), o.label()));
        }
        // Among the words: the option named by the longest phrase wins ("un bac pro" is bac-pro, not
        // the "bac" of bac-general); two options named as long: none, the question is asked again.
        String words = " " + typed + " ";
        Option best = null;
        int bestLength = 0;
        boolean tie = false;
        for (Option option : options) {
            List<String> phrases = new java.util.ArrayList<>(option.aliases());
            phrases.add(option.id().replace('-', ' '));
            for (String phrase : phrases) {
                String normalised = understanding.normalise(phrase);
                if (normalised.isEmpty() || !words.contains(" " + normalised + " ")) {
                    continue;
                }
                if (normalised.length() > bestLength) {
                    best = option;
                    bestLength = normalised.length();
                    tie = false;
                } else if (normalised.length() == bestLength && best != option) {
                    tie = true;
                }
            }
        }
        return best == null || tie ? Optional.empty() : Optional.of(new Choice(best.id(), best.label()));
    }

    /**
     * Whether the words are exactly one of the choices offered (its label or its id), so that a word
     * which is also a global command ("reprendre", "recommencer") is read as the answer it is here.
     */
    boolean isExactly(Inbound inbound, List<Choice> choices) {
        String typed = understanding.normalise(inbound.text());
        return !typed.isEmpty() && choices.stream().anyMatch(c -> understanding.normalise(c.label()).equals(typed)
                || understanding.normalise(c.id().replace('-', ' ')).equals(typed));
    }

    /** The choice a message means: the button tapped, else what the words point to. */
    Optional<Choice> chosen(Inbound inbound, List<Choice> choices) {
        if (inbound.choiceId() != null) {
            Optional<Choice> tapped = choices.stream().filter(c -> c.id().equals(inbound.choiceId())).findFirst();
            if (tapped.isPresent()) {
                return tapped;
            }
        }
        if (inbound.text().isBlank()) {
            return Optional.empty();
        }
        // A number is a line of the list or nothing: "7" among four lines never means the closest label.
        String typed = understanding.normalise(inbound.text());
        if (NUMBER.matcher(typed).matches()) {
            int line = Integer.parseInt(typed.length() > 3 ? "0" : typed);
            return line >= 1 && line <= choices.size() ? Optional.of(choices.get(line - 1)) : Optional.empty();
        }
        return understanding.choiceIn(inbound.text(), choices);
    }

    private static List<Choice> toChoices(List<Option> options) {
        return options.stream().map(o -> new Choice(o.id(), o.label())).toList();
    }
}
