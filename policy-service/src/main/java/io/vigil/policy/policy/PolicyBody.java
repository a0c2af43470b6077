package io.vigil.policy.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * The body of {@code POST /api/policies} and {@code POST /api/policies/{policyID}}: only the members present change.
 * A class rather than a record because {@code "parentID": null} (make it a root: only the Base Policy is one) differs
 * from an absent {@code parentID} (unchanged, or the Base Policy on create), and a record cannot tell them apart.
 * Other members are ignored, so a console may send back a policy it read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "PolicyRequest", description = "A policy to create, or the members of a policy to change.",
        example = "{\"name\": \"Web servers\", \"description\": \"Linux web tier\", \"parentID\": 1, "
                + "\"policySettings\": {\"platformSettingHeartbeatInterval\": {\"value\": \"1 Minute\"}}}")
public class PolicyBody {

    @Size(max = PolicyRequest.MAX_NAME, message = "must be at most " + PolicyRequest.MAX_NAME + " characters")
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    @Schema(description = "Unique among policies; required on create.", maxLength = PolicyRequest.MAX_NAME)
    private String name;

    @Size(max = PolicyRequest.MAX_DESCRIPTION,
            message = "must be at most " + PolicyRequest.MAX_DESCRIPTION + " characters")
    @Schema(maxLength = PolicyRequest.MAX_DESCRIPTION)
    private String description;

    @Schema(description = "The parent policy; 1 (the Base Policy) when absent on create. null only on the Base "
            + "Policy.", minimum = "1", nullable = true)
    private Long parentID;

    @JsonIgnore
    private boolean parentIDGiven;

    @Schema(description = "Settings set on this policy, by setting name; {\"value\": null} resets one to inherit.")
    private Map<String, @NotNull(message = "must be {\"value\": \"…\"} (a string, or null to inherit)")
            @Valid SettingEntry> policySettings;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getParentID() {
        return parentID;
    }

    public void setParentID(Long parentID) {
        this.parentID = parentID;
        this.parentIDGiven = true;
    }

    /** Whether the body had a {@code parentID} member, also when it was null. */
    public boolean parentIDGiven() {
        return parentIDGiven;
    }

    public Map<String, SettingEntry> getPolicySettings() {
        return policySettings;
    }

    public void setPolicySettings(Map<String, SettingEntry> policySettings) {
        this.policySettings = policySettings;
    }
}
