package fr.boussole.core.language;

/**
 * A young person in danger, as a message says it: what kind of danger, and whether it is now (help at
 * once: 15/112 for a life in danger, 17 for violence going on, 115 for a night outside). The engine
 * answers it with the kind's help line before anything else, at every step.
 */
public record Distress(Kind kind, boolean now) {

    public Distress {
        java.util.Objects.requireNonNull(kind, "kind");
    }

    /** Each kind has its own help line (docs/language.md, "The safety net"). */
    public enum Kind {
        /** Thoughts of suicide, or an attempt: 3114; 15/112 when now. */
        SUICIDE,
        /** Hurting oneself (cutting, burning): 3114; 15/112 when now. */
        SELF_HARM,
        /** No place to sleep tonight, or about to lose it: 115. */
        NO_SHELTER,
        /** Violence at home or from a partner: 119 (17 when now); 3919 for violence against women. */
        VIOLENCE,
        /** Sexual abuse, or a minor in danger: 119 (17 when now). */
        ABUSE,
        /** Harassment at school or online: 3018. */
        HARASSMENT,
        /** A health worry that cannot wait (panic, pregnancy scare, eating, drugs): Fil Santé Jeunes 0 800 235 236; 15 when now. */
        HEALTH
    }
}
