package se.esam.lifecycle.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import se.esam.lifecycle.system.InvalidInputException;

/**
 * What the kansli narrows the register to: received from and to (Swedish calendar days, both included),
 * the sending organisation and the guidance document. Every part is optional.
 */
record RegisterFilter(LocalDate from, LocalDate to, String organisation, String document) {

    static RegisterFilter of(String from, String to, String organisation, String document) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new InvalidInputException("to", "Slutdatumet kan inte vara före startdatumet.");
        }
        return new RegisterFilter(first, last, blankAsNull(organisation), blankAsNull(document));
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.getYear() < 2000 || day.getYear() > 2999) {
                throw new InvalidInputException(field, "Ange ett datum mellan år 2000 och 2999.");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Ange datum som ÅÅÅÅ-MM-DD.");
        }
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean narrows() {
        return from != null || to != null || organisation != null || document != null;
    }
}
