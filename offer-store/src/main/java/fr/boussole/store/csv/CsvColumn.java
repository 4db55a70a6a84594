package fr.boussole.store.csv;

/** A column of one of our CSV formats: its header name (lower case) and whether a file must have it. */
public interface CsvColumn {

    String header();

    boolean required();
}
