package fr.boussole.channels.webchat;

/** What the page posts: a typed text or the id of a tapped choice. */
record ChatMessageRequest(String text, String choice) {
}
