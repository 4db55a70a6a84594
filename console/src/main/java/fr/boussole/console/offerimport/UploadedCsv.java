package fr.boussole.console.offerimport;

import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An uploaded file read as the import expects it: UTF-8 text. Anything else (an empty file, a
 * spreadsheet saved in its own format, a CSV saved in Windows-1252) is refused before the import
 * with a message key of the console bundle, rather than showing up as hundreds of garbled rows.
 */
public sealed interface UploadedCsv {

    /** Above this the servlet container refuses the request (see {@link UploadLimits}). */
    long MAX_BYTES = 5L * 1024 * 1024;

    /**
     * The console's upload forms (offers, organisations): a file too large for one of them sends the user
     * back to it with {@code ?trop-lourd} ({@link TooLargeUploads}, {@link UploadLimits}).
     */
    java.util.Set<String> FORMS = java.util.Set.of("/console/offres/import", "/console/admin/organisations/import");

    record Text(String content) implements UploadedCsv {}

    record Refused(String messageKey) implements UploadedCsv {}

    static UploadedCsv read(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return new Refused("offer-import.error.empty");
        }
        if (file.getSize() > MAX_BYTES) {
            return new Refused("offer-import.error.too-large");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            return new Refused("offer-import.error.unreadable");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Refused("offer-import.error.not-utf8");
        }
        // Binary formats (zip-based spreadsheets, PDFs) usually fail above; a NUL catches the rest.
        if (text.indexOf('\0') >= 0) {
            return new Refused("offer-import.error.not-csv");
        }
        if (text.replace("\uFEFF", "").isBlank()) {
            return new Refused("offer-import.error.empty");
        }
        return new Text(text);
    }
}
