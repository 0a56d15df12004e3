package se.esam.lifecycle.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.springframework.modulith.NamedInterface;

/**
 * Text a person wrote: any characters but control characters (line break, carriage return and tab
 * excepted) and halves of a surrogate pair, which no keyboard produces and which break mails, CSV and
 * the database's text columns. Null is valid (combine with {@code @NotBlank} where required).
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE,
    ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
@NamedInterface("text")
public @interface PlainText {

    String message() default "Texten innehåller otillåtna tecken (styrtecken eller ett ofullständigt tecken).";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @NamedInterface("text")
    class Validator implements ConstraintValidator<PlainText, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || isPlain(value);
        }

        /** Whether the text has no control character but line break, carriage return and tab, and no lone surrogate. */
        public static boolean isPlain(CharSequence text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                } else if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                    return false;
                }
            }
            return true;
        }
    }
}
