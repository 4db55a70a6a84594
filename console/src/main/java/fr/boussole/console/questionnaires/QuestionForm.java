package fr.boussole.console.questionnaires;

import java.util.ArrayList;
import java.util.List;

/**
 * One question as edited in the console: its wording, its choices (each a row, blank rows to add
 * some), its bounds, and when it is asked (one row per earlier question that has answers to pick from).
 * A plain bean, because the browser sends rows as indexed fields ({@code options[2].label}).
 */
public class QuestionForm {

    /** The draft's revision the form was read from: a change made on an older one is refused. */
    private long revision;
    /** The question's id: typed for a new question, fixed afterwards (offers' criteria name it). */
    private String id;
    private String type;
    private String text;
    private String help;
    private List<OptionRow> options = new ArrayList<>();
    private Integer min;
    private Integer max;
    private String unit;
    private Integer maxLength;
    private List<ConditionRow> conditions = new ArrayList<>();

    /**
     * A choice: its id is fixed once saved ({@code existing}); a blank new row is ignored. {@code urgent}:
     * choosing it means the young person needs help now (the bot gives the help line at once and marks the
     * request urgent).
     */
    public static class OptionRow {
        private String id;
        private String label;
        private String aliases;
        private boolean urgent;
        private boolean existing;
        private boolean remove;
        private Integer position;

        public OptionRow() {}

        OptionRow(String id, String label, String aliases, boolean urgent, boolean existing, Integer position) {
            this.id = id;
            this.label = label;
            this.aliases = aliases;
            this.urgent = urgent;
            this.existing = existing;
            this.position = position;
        }

        public String getId() { return id; }
        public void setId(String id) { this.id = id; }
        public String getLabel() { return label; }
        public void setLabel(String label) { this.label = label; }
        public String getAliases() { return aliases; }
        public void setAliases(String aliases) { this.aliases = aliases; }
        public boolean isUrgent() { return urgent; }
        public void setUrgent(boolean urgent) { this.urgent = urgent; }
        public boolean isExisting() { return existing; }
        public void setExisting(boolean existing) { this.existing = existing; }
        public boolean isRemove() { return remove; }
        public void setRemove(boolean remove) { this.remove = remove; }
        public Integer getPosition() { return position; }
        public void setPosition(Integer position) { this.position = position; }
    }

    /** Whether this question depends on the answer to an earlier one: always, only when, or unless. */
    public static class ConditionRow {
        private String question;
        private String mode = ConditionMode.ALWAYS.name();
        private List<String> values = new ArrayList<>();

        public ConditionRow() {}

        ConditionRow(String question, ConditionMode mode, List<String> values) {
            this.question = question;
            this.mode = mode.name();
            this.values = new ArrayList<>(values);
        }

        public String getQuestion() { return question; }
        public void setQuestion(String question) { this.question = question; }
        public String getMode() { return mode; }
        public void setMode(String mode) { this.mode = mode; }
        public List<String> getValues() { return values; }
        public void setValues(List<String> values) { this.values = values == null ? new ArrayList<>() : values; }
    }

    /** The three ways a question may depend on an earlier one. */
    public enum ConditionMode { ALWAYS, WHEN, UNLESS }

    public long getRevision() { return revision; }
    public void setRevision(long revision) { this.revision = revision; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getHelp() { return help; }
    public void setHelp(String help) { this.help = help; }
    public List<OptionRow> getOptions() { return options; }
    public void setOptions(List<OptionRow> options) { this.options = options == null ? new ArrayList<>() : options; }
    public Integer getMin() { return min; }
    public void setMin(Integer min) { this.min = min; }
    public Integer getMax() { return max; }
    public void setMax(Integer max) { this.max = max; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public Integer getMaxLength() { return maxLength; }
    public void setMaxLength(Integer maxLength) { this.maxLength = maxLength; }
    public List<ConditionRow> getConditions() { return conditions; }
    public void setConditions(List<ConditionRow> conditions) { this.conditions = conditions == null ? new ArrayList<>() : conditions; }
}
