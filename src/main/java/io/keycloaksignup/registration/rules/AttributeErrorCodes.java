package io.keycloaksignup.registration.rules;

/** The stable codes of {@link io.keycloaksignup.platform.FieldError}s about profile attributes. */
public final class AttributeErrorCodes {

    public static final String REQUIRED = "attribute_required";
    /** Not declared, declared for administrators only, or not sent at the right place. */
    public static final String UNKNOWN = "attribute_unknown";
    /** More than one value for an attribute that is not multivalued. */
    public static final String NOT_MULTIVALUED = "attribute_not_multivalued";
    public static final String TOO_FEW_VALUES = "attribute_too_few_values";
    public static final String TOO_MANY_VALUES = "attribute_too_many_values";
    public static final String TOO_SHORT = "attribute_too_short";
    public static final String TOO_LONG = "attribute_too_long";
    /** A value of the wrong form: pattern, email, options, URI, date or forbidden characters. */
    public static final String INVALID = "attribute_invalid";
    public static final String NOT_A_NUMBER = "attribute_not_a_number";
    public static final String OUT_OF_RANGE = "attribute_out_of_range";

    private AttributeErrorCodes() {
    }
}
