package fr.boussole.dialogs.transcripts;

import java.util.List;
import java.util.Map;

/**
 * Writes a transcript back as readable YAML: texts as literal blocks, one line per choice. SnakeYAML's
 * own dumper would write multi-line texts as escaped one-liners, which nobody can review.
 */
final class TranscriptWriter {

    private final StringBuilder out = new StringBuilder();

    static String write(Map<String, Object> transcript) {
        TranscriptWriter writer = new TranscriptWriter();
        writer.map(transcript, 0, false);
        return writer.out.toString();
    }

    @SuppressWarnings("unchecked")
    private void map(Map<String, Object> map, int indent, boolean inList) {
        boolean first = true;
        for (var entry : map.entrySet()) {
            if (!(first && inList)) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(entry.getKey()).append(':');
            value(entry.getValue(), indent);
        }
    }

    @SuppressWarnings("unchecked")
    private void value(Object value, int indent) {
        switch (value) {
            case Map<?, ?> nested -> {
                out.append('\n');
                map((Map<String, Object>) nested, indent + 2, false);
            }
            case List<?> list when list.isEmpty() -> out.append(" []\n");
            case List<?> list -> {
                out.append('\n');
                for (Object item : list) {
                    out.append(" ".repeat(indent + 2)).append("- ");
                    if (item instanceof Map<?, ?> itemMap) {
                        map((Map<String, Object>) itemMap, indent + 4, true);
                    } else {
                        scalar(item, indent + 4);
                    }
                }
            }
            default -> {
                out.append(' ');
                scalar(value, indent + 2);
            }
        }
    }

    private void scalar(Object value, int indent) {
        if (value instanceof String text && text.contains("\n")) {
            out.append("|-\n");
            for (String line : text.split("\n", -1)) {
                out.append(line.isEmpty() ? "" : " ".repeat(indent) + line).append('\n');
            }
        } else if (value instanceof String text) {
            out.append(quoted(text)).append('\n');
        } else {
            out.append(value).append('\n');
        }
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
