package fr.boussole.store.request;

/** The age bands an anonymised request keeps instead of the age (the bands of youth policy statistics). */
final class AgeBands {

    private AgeBands() {}

    static String of(int age) {
        if (age < 18) {
            return "15-17";
        }
        if (age < 22) {
            return "18-21";
        }
        if (age < 26) {
            return "22-25";
        }
        return "26-30";
    }
}
