package se.esam.lifecycle.guidance;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for which version of a document is newer, and for the number a revision publishes. The
 * catalogue and the public pages must agree on the current version, so both order by this rule.
 */
public final class VersionNumbers {

    /**
     * "4.9" before "4.10" before "5.0": part by part as numbers. Numbers come from configuration unchecked,
     * so parts that are not numbers compare as text rather than fail; a missing part counts as 0.
     */
    public static final Comparator<String> ORDER = VersionNumbers::compare;

    private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9}))?");

    private VersionNumbers() {}

    /**
     * Oldest first: by publication date, then by number. Two versions published the same day are ordered
     * by number, so the current one is the last.
     */
    public static <T> Comparator<T> oldestFirst(Function<T, LocalDate> publishedOn, Function<T, String> number) {
        return Comparator.comparing(publishedOn).thenComparing(number, ORDER);
    }

    /**
     * 4.1 becomes 4.2 for an editorial change and 5.0 for a substantive one.
     *
     * @throws IllegalArgumentException unless {@code current} is "major" or "major.minor" in digits, since
     *         guessing the next number of "4.1.2" or "v4" would publish a number nobody chose
     */
    public static String next(String current, boolean major) {
        Matcher matcher = current == null ? null : MAJOR_MINOR.matcher(current);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("Versionsnumret '" + current + "' är inte på formen 4 eller 4.1");
        }
        int majorNumber = Integer.parseInt(matcher.group(1));
        int minorNumber = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
        return major ? (majorNumber + 1) + ".0" : majorNumber + "." + (minorNumber + 1);
    }

    private static int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String l = i < left.length ? left[i] : "0";
            String r = i < right.length ? right[i] : "0";
            int compared = l.matches("\\d{1,9}") && r.matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(l), Integer.parseInt(r))
                    : l.compareTo(r);
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }
}
