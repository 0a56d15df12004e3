package se.esam.lifecycle.feedback;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import se.esam.lifecycle.system.InvalidInputException;

/**
 * Which feedback the overview lists, as written in the address (page and API alike): status or stage,
 * expert group, guidance document, organisation, overdue only, a search text, and which page. Read here
 * for its form only; whether a group, document or organisation exists is for {@link FeedbackQueries}.
 *
 * @param text a reference or words of the description; blank: no search
 * @param page from 1
 * @param size items per page, at most {@link #MAX_SIZE}
 */
record FeedbackFilter(
        FeedbackStatus status,
        Stage stage,
        String expertGroup,
        String guidanceId,
        String organisation,
        boolean overdue,
        String text,
        int page,
        int size) {

    static final int DEFAULT_SIZE = 25;
    /** A page bounds what one request reads and sends, descriptions of up to 10,000 characters and all. */
    static final int MAX_SIZE = 100;
    /** Offset paging reads the pages before; this keeps the deepest page a bounded read. */
    static final int MAX_PAGE = 10_000;

    static final int MAX_TEXT = 200;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,6}");

    static FeedbackFilter of(
            String status,
            String stage,
            String expertGroup,
            String guidanceId,
            String organisation,
            String overdue,
            String text,
            String page,
            String size) {
        return new FeedbackFilter(
                parse(FeedbackStatus.class, "status", status),
                parse(Stage.class, "stage", stage),
                id("expertGroup", expertGroup),
                id("guidanceId", guidanceId),
                id("organisation", organisation),
                yesOrNo("overdue", overdue),
                text(text),
                number("page", page, 1, 1, MAX_PAGE),
                number("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    /** Nothing but the first page: the overview as it opens. */
    static FeedbackFilter none() {
        return new FeedbackFilter(null, null, null, null, null, false, null, 1, DEFAULT_SIZE);
    }

    /** The statuses the filter lets through; empty: any. A status and a stage that exclude each other: none. */
    List<FeedbackStatus> statuses() {
        return Arrays.stream(FeedbackStatus.values())
                .filter(s -> status == null || s == status)
                // the one rule of which statuses make a stage (FeedbackStatus.stage), as in the reports
                .filter(s -> stage == null || s.stage() == stage)
                .toList();
    }

    boolean narrowsStatus() {
        return status != null || stage != null;
    }

    /**
     * Whether anything but the page narrows the list, which tells "nothing yet" from "nothing matches"
     * (public for the page's template).
     */
    public boolean narrows() {
        return narrowsStatus()
                || expertGroup != null
                || guidanceId != null
                || organisation != null
                || overdue
                || text != null;
    }

    long offset() {
        return (long) (page - 1) * size;
    }

    FeedbackFilter onPage(int other) {
        return new FeedbackFilter(status, stage, expertGroup, guidanceId, organisation, overdue, text, other, size);
    }

    /** A search text that is a whole reference, upper-cased as references are stored; else null. */
    String textAsReference() {
        return text != null
                        && ReferenceGenerator.FORMAT
                                .matcher(text.toUpperCase(Locale.ROOT))
                                .matches()
                ? text.toUpperCase(Locale.ROOT)
                : null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    field,
                    "Okänt värde '" + shorten(value) + "', tillåtna: " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Groups, documents and organisations are named by their ids: letters, digits and hyphens. */
    private static String id(String field, String value) {
        if (blank(value)) {
            return null;
        }
        String id = value.strip();
        if (!ID.matcher(id).matches()) {
            throw new InvalidInputException(field, "Ange ett id med bokstäver, siffror och bindestreck.");
        }
        return id;
    }

    private static boolean yesOrNo(String field, String value) {
        if (blank(value)) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "ja", "on" -> true;
            case "false", "nej", "off" -> false;
            default -> throw new InvalidInputException(field, "Ange true eller false.");
        };
    }

    private static String text(String value) {
        if (blank(value)) {
            return null;
        }
        String text = value.strip();
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("q", "Söktexten får vara högst " + MAX_TEXT + " tecken.");
        }
        if (!FeedbackText.isPlain(text)) {
            throw new InvalidInputException("q", "Söktexten får inte innehålla styrtecken.");
        }
        return text;
    }

    private static int number(String field, String value, int fallback, int min, int max) {
        if (blank(value)) {
            return fallback;
        }
        String digits = value.strip();
        int number = NUMBER.matcher(digits).matches() ? Integer.parseInt(digits) : -1;
        if (number < min || number > max) {
            throw new InvalidInputException(field, "Ange ett heltal från " + min + " till " + max + ".");
        }
        return number;
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
