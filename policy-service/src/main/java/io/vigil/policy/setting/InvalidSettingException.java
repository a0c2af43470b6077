package io.vigil.policy.setting;

/** A setting value that is not allowed: names the setting, the value given, why, and what is allowed. */
public class InvalidSettingException extends RuntimeException {

    private final String setting;
    private final String value;
    private final String allowed;

    public InvalidSettingException(String setting, String value, String reason, String allowed) {
        super(reason, null, false, false);
        this.setting = setting;
        this.value = value;
        this.allowed = allowed;
    }

    public String setting() {
        return setting;
    }

    public String value() {
        return value;
    }

    public String reason() {
        return getMessage();
    }

    public String allowed() {
        return allowed;
    }
}
