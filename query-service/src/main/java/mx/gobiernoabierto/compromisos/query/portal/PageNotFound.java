package mx.gobiernoabierto.compromisos.query.portal;

/** A page about a plan or commitment that does not exist (or an id that cannot be one): the Spanish 404 page. */
class PageNotFound extends RuntimeException {
    PageNotFound(String what) {
        super(what);
    }
}
