package io.vigil.console.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * A request record of which at least one member must be given (a modification that changes nothing is a mistake).
 * The violation is named {@code body}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AnyMember.Check.class)
public @interface AnyMember {

    String message() default "must give at least one member";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Whether a record has a non-null component. */
    class Check implements ConstraintValidator<AnyMember, Record> {

        @Override
        public boolean isValid(Record value, ConstraintValidatorContext context) {
            return value == null || Arrays.stream(value.getClass().getRecordComponents())
                    .anyMatch(component -> read(component, value) != null);
        }

        private static Object read(RecordComponent component, Record value) {
            try {
                return component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("unreadable record component " + component.getName(), e);
            }
        }
    }
}
