package mx.gobiernoabierto.compromisos.query.web;

/** No such commitment, plan or indicator in the views: {@code 404}. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, String id) {
        super("no " + what + " with id " + id);
    }
}
