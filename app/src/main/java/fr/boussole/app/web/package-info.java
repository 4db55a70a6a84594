/** Guards in front of the public endpoints: request bodies are bounded before anything reads them. */
package fr.boussole.app.web;
