package io.vigil.policy.setting;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DSM duration strings: a whole number and a unit ({@code Second}, {@code Minute}, {@code Hour}), singular or plural,
 * in any case ({@code "30 Seconds"}, {@code "1 minute"}, {@code "2 HOURS"}). Normalised to the largest unit that
 * divides the duration exactly, singular for 1 ({@code "90 Seconds"}, {@code "1 Minute"}, {@code "24 Hours"}).
 */
public final class Durations {

    private static final Pattern FORM = Pattern.compile("^\\s*(\\d{1,9})\\s*(second|minute|hour)(s?)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private Durations() {
    }

    /** The number of seconds, or {@code -1} when the text is not a duration. */
    public static long parseSeconds(String text) {
        if (text == null) {
            return -1;
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return -1;
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "second" -> amount;
            case "minute" -> amount * 60;
            default -> amount * 3600;
        };
    }

    /** The normalised text of a positive number of seconds. */
    public static String format(long seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("a duration is positive: " + seconds);
        }
        if (seconds % 3600 == 0) {
            return unit(seconds / 3600, "Hour");
        }
        if (seconds % 60 == 0) {
            return unit(seconds / 60, "Minute");
        }
        return unit(seconds, "Second");
    }

    private static String unit(long amount, String name) {
        return amount + " " + name + (amount == 1 ? "" : "s");
    }
}
