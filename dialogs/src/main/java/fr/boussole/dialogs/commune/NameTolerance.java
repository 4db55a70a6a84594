package fr.boussole.dialogs.commune;

/**
 * How many mistakes a typed name may hold, by its length: none up to four letters (too many communes are one
 * letter away from "Eu", "Y" or "Ars"), one up to seven, two up to eleven, three beyond. Stricter than that lets
 * "je sais pas" find Saissac.
 */
final class NameTolerance {

    private NameTolerance() {
    }

    static int maxDistance(int length) {
        if (length <= 4) {
            return 0;
        }
        if (length <= 7) {
            return 1;
        }
        return length <= 11 ? 2 : 3;
    }
}
