package se.esam.lifecycle.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and masks personal data that can be recognised by its shape: personal identity numbers
 * (personnummer and samordningsnummer), e-mail addresses and Swedish phone numbers. Names cannot be found this
 * way; the public surfaces therefore show organisations only, never who wrote something.
 */
public final class PersonalData {

    /** What was found, with the marker that replaces it and its name in Swedish for the kansli. */
    public enum Kind {
        PERSONAL_IDENTITY_NUMBER("[personnummer borttaget]", "personnummer"),
        COORDINATION_NUMBER("[samordningsnummer borttaget]", "samordningsnummer"),
        EMAIL("[e-postadress borttagen]", "e-postadress"),
        PHONE("[telefonnummer borttaget]", "telefonnummer");

        private final String marker;
        private final String label;

        Kind(String marker, String label) {
            this.marker = marker;
            this.label = label;
        }

        public String marker() {
            return marker;
        }

        public String label() {
            return label;
        }
    }

    /** One piece of personal data: where it is in the text (end exclusive) and what it is. */
    public record Finding(Kind kind, int start, int end, String text) {}

    /**
     * YYMMDD or YYYYMMDD, an optional separator (- before, + after the person's hundredth birthday), four digits.
     * Not inside a longer run of digits, so that a 14-digit number is not taken for a personnummer in the middle.
     */
    private static final Pattern IDENTITY_NUMBER =
            Pattern.compile("(?<![\\d])(\\d{2})?(\\d{2})(\\d{2})(\\d{2})[-+]?(\\d{4})(?![\\d])");

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");

    /**
     * +46 or 0046 and the number without its leading zero (an "(0)" allowed), or a national number: 0, area or
     * mobile code and subscriber number, 8 to 10 digits in all; spaces and dashes anywhere between digits.
     */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(?:"
            + "(?:\\+|00)46[ -]?(?:\\(0\\)[ -]?)?[1-9](?:[ -]?\\d){6,8}"
            + "|0[1-9](?:[ -]?\\d){6,8}"
            + ")(?![\\d])");

    private PersonalData() {}

    /** Everything found, in the order it appears; overlaps are resolved in favour of the identity number. */
    public static List<Finding> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        Matcher numbers = IDENTITY_NUMBER.matcher(text);
        while (numbers.find()) {
            identityNumber(numbers)
                    .ifPresent(kind -> found.add(new Finding(kind, numbers.start(), numbers.end(), numbers.group())));
        }
        addUnlessOverlapping(found, EMAIL.matcher(text), Kind.EMAIL);
        addUnlessOverlapping(found, PHONE.matcher(text), Kind.PHONE);
        found.sort(Comparator.comparingInt(Finding::start));
        return List.copyOf(found);
    }

    /** Whether the text holds nothing this class recognises. */
    public static boolean isClean(String text) {
        return find(text).isEmpty();
    }

    /** The kinds found, each once, in Swedish ("personnummer, e-postadress"); empty when none. */
    public static String describe(String text) {
        Set<String> labels = new LinkedHashSet<>();
        find(text).forEach(f -> labels.add(f.kind().label()));
        return String.join(", ", labels);
    }

    /** The text with each finding replaced by its kind's marker; null stays null. */
    public static String mask(String text) {
        return mask(text, EnumSet.allOf(Kind.class));
    }

    /**
     * Only personal identity numbers masked: for text such as a guidance's own sections, where an agency's
     * switchboard number or functional mailbox is meant to be read, but an identity number never is.
     */
    public static String maskIdentityNumbers(String text) {
        return mask(text, EnumSet.of(Kind.PERSONAL_IDENTITY_NUMBER, Kind.COORDINATION_NUMBER));
    }

    private static String mask(String text, Set<Kind> kinds) {
        if (text == null) {
            return null;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int at = 0;
        for (Finding f : find(text)) {
            if (!kinds.contains(f.kind())) {
                continue;
            }
            masked.append(text, at, f.start()).append(f.kind().marker());
            at = f.end();
        }
        return masked.append(text.substring(at)).toString();
    }

    private static void addUnlessOverlapping(List<Finding> found, Matcher matcher, Kind kind) {
        while (matcher.find()) {
            int start = matcher.start();
            int end = matcher.end();
            boolean overlaps = found.stream().anyMatch(f -> start < f.end() && f.start() < end);
            if (!overlaps) {
                found.add(new Finding(kind, start, end, matcher.group()));
            }
        }
    }

    /**
     * A date-shaped number whose check digit (Luhn over the ten digits YYMMDDNNNN) is right; samordningsnummer
     * have 60 added to the day. A wrong check digit is no identity number: it is left alone, as diary numbers and
     * article numbers of the same shape are.
     */
    private static java.util.Optional<Kind> identityNumber(Matcher m) {
        String century = m.group(1);
        if (century != null && !(century.equals("18") || century.equals("19") || century.equals("20"))) {
            return java.util.Optional.empty();
        }
        int month = Integer.parseInt(m.group(3));
        int day = Integer.parseInt(m.group(4));
        if (month < 1 || month > 12) {
            return java.util.Optional.empty();
        }
        Kind kind;
        if (day >= 1 && day <= 31) {
            kind = Kind.PERSONAL_IDENTITY_NUMBER;
        } else if (day >= 61 && day <= 91) {
            kind = Kind.COORDINATION_NUMBER;
        } else {
            return java.util.Optional.empty();
        }
        String tenDigits = m.group(2) + m.group(3) + m.group(4) + m.group(5);
        return luhn(tenDigits) ? java.util.Optional.of(kind) : java.util.Optional.empty();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return sum % 10 == 0;
    }
}
