package fr.boussole.channels.twilio.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.OutboundMessage;
import java.util.List;
import java.util.Optional;

/**
 * The Content API definition that shows a message's choices best on WhatsApp: quick-reply buttons (up
 * to 3, titles up to 20 characters) or a list picker (up to 10 rows, labels up to 24 characters). Empty
 * when the choices fit neither: the message then goes as numbered text.
 */
final class WhatsAppContents {

    static final int MAX_BUTTONS = 3;
    static final int MAX_BUTTON_TITLE = 20;
    static final int MAX_ROWS = 10;
    static final int MAX_ROW_LABEL = 24;
    static final int MAX_BODY = 1024;
    static final int MAX_ID = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private WhatsAppContents() {}

    /** The definition (without friendly_name, which is derived from it), if the message fits one. */
    static Optional<String> definitionFor(OutboundMessage message, String listButton) {
        List<Choice> choices = message.choices();
        if (choices.isEmpty() || message.text().isBlank() || message.text().length() > MAX_BODY
                || choices.stream().anyMatch(c -> c.id().length() > MAX_ID)) {
            return Optional.empty();
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("language", "fr");
        root.putObject("variables");
        ObjectNode types = root.putObject("types");
        if (choices.size() <= MAX_BUTTONS && fits(choices, MAX_BUTTON_TITLE)) {
            ObjectNode quickReply = types.putObject("twilio/quick-reply");
            quickReply.put("body", message.text());
            ArrayNode actions = quickReply.putArray("actions");
            choices.forEach(c -> actions.addObject().put("title", c.label()).put("id", c.id()));
        } else if (choices.size() <= MAX_ROWS && fits(choices, MAX_ROW_LABEL)) {
            ObjectNode list = types.putObject("twilio/list-picker");
            list.put("body", message.text());
            list.put("button", listButton);
            ArrayNode items = list.putArray("items");
            choices.forEach(c -> items.addObject().put("item", c.label()).put("id", c.id()));
        } else {
            return Optional.empty();
        }
        types.putObject("twilio/text").put("body", numbered(message));
        try {
            return Optional.of(JSON.writeValueAsString(root));
        } catch (Exception e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /**
     * The {@code ContentVariables} of the news template: the message as its variable {{1}}, on one line
     * (WhatsApp refuses a template variable holding a line break, a tab or more than four spaces in a
     * row), its choices numbered after it, answered with the number once the young person writes back.
     */
    static String templateVariables(OutboundMessage message) {
        StringBuilder text = new StringBuilder(message.text().strip());
        for (int i = 0; i < message.choices().size(); i++) {
            text.append(i == 0 ? " (" : " / ").append(i + 1).append(". ").append(message.choices().get(i).label());
        }
        if (!message.choices().isEmpty()) {
            text.append(')');
        }
        String oneLine = text.toString().replaceAll("\\s*\\R\\s*", " ").replaceAll("[\\t ]{2,}", " ");
        try {
            return JSON.writeValueAsString(JSON.createObjectNode().put("1", oneLine));
        } catch (Exception e) {
            throw new IllegalStateException("a map of one string always serialises", e);
        }
    }

    /** The message with its choices as numbered lines (the young person answers with the number). */
    static String numbered(OutboundMessage message) {
        StringBuilder text = new StringBuilder(message.text().strip());
        for (int i = 0; i < message.choices().size(); i++) {
            text.append(i == 0 ? "\n\n" : "\n").append(i + 1).append(". ").append(message.choices().get(i).label());
        }
        return text.toString();
    }

    private static boolean fits(List<Choice> choices, int max) {
        return choices.stream().allMatch(c -> !c.label().isBlank() && c.label().codePointCount(0, c.label().length()) <= max);
    }
}
