package io.vigil.siem.cef;

/**
 * Builds one CEF line: {@code CEF:0|Vigil|Vigil Manager|<version>|<signatureID>|<name>|<severity>|<extensions>}.
 * Extensions are appended in call order, space separated; null values are left out.
 */
public final class CefLine {

    public static final String VENDOR = "Vigil";
    public static final String PRODUCT = "Vigil Manager";

    private final StringBuilder line = new StringBuilder(256);
    private boolean first = true;

    private CefLine(String version, String signatureID, String name, CefSeverity severity) {
        line.append("CEF:0|").append(CefEscaping.header(VENDOR)).append('|').append(CefEscaping.header(PRODUCT))
                .append('|').append(CefEscaping.header(version)).append('|').append(CefEscaping.header(signatureID))
                .append('|').append(CefEscaping.header(name)).append('|').append(severity.cef()).append('|');
    }

    public static CefLine header(String version, int signatureID, String name, CefSeverity severity) {
        return new CefLine(version, Integer.toString(signatureID), name, severity);
    }

    /** Adds {@code key=value} with the value escaped; a null value adds nothing. Keys are ours and plain. */
    public CefLine ext(String key, Object value) {
        if (value == null) {
            return this;
        }
        if (!first) {
            line.append(' ');
        }
        first = false;
        line.append(key).append('=').append(CefEscaping.extension(value.toString()));
        return this;
    }

    /** A labelled custom string: {@code csNLabel=label csN=value}, both left out when the value is null. */
    public CefLine customString(int n, String label, Object value) {
        if (value == null) {
            return this;
        }
        return ext("cs" + n + "Label", label).ext("cs" + n, value);
    }

    @Override
    public String toString() {
        return line.toString();
    }
}
