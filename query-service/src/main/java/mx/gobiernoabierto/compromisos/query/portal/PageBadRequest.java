package mx.gobiernoabierto.compromisos.query.portal;

/** A page's parameter that cannot be understood: the Spanish 400 page names it and says what it takes. */
class PageBadRequest extends RuntimeException {

    private final String parameter;
    private final String expectedKey;

    /**
     * @param parameter   the parameter as it appears in the address, e.g. {@code estado}
     * @param expectedKey the message key that says what it takes
     */
    PageBadRequest(String parameter, String expectedKey) {
        super(parameter);
        this.parameter = parameter;
        this.expectedKey = expectedKey;
    }

    String parameter() {
        return parameter;
    }

    String expectedKey() {
        return expectedKey;
    }
}
