package fr.boussole.channels.webchat;

/** A JSON error: a stable code for programs and a French message for people. */
record ChatError(String error, String message) {
}
