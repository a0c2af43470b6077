package io.vigil.registry.computer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Where the manager reaches an agent: an IPv4/IPv6 literal or a DNS name ({@link Addresses}); null passes. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AgentAddress.Check.class)
public @interface AgentAddress {

    String message() default "is not an IP address or host name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** {@link Addresses#valid}. */
    class Check implements ConstraintValidator<AgentAddress, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Addresses.valid(value.strip());
        }
    }
}
