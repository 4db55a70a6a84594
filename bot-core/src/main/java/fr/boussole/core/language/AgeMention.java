package fr.boussole.core.language;

/**
 * An age a message gives: in years ("19", "j'ai dix-neuf ans", "1️⃣9️⃣"), or as a birth year ("né en 2006").
 * Never from a word that only looks like a number ("une mission locale"). The birth year is kept as
 * said: understanding has no clock, the engine has one.
 */
public sealed interface AgeMention {

    /** The age in whole years on a date of the given year (a birth year gives the age reached that year). */
    int yearsIn(int currentYear);

    record Years(int years) implements AgeMention {
        @Override
        public int yearsIn(int currentYear) {
            return years;
        }
    }

    record BirthYear(int year) implements AgeMention {
        @Override
        public int yearsIn(int currentYear) {
            return currentYear - year;
        }
    }
}
