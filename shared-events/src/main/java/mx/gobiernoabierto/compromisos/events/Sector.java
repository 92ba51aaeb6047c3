package mx.gobiernoabierto.compromisos.events;

/** The three sectors of a Local Technical Secretariat (STL); adoption needs an approval from each. */
public enum Sector {
    GOVERNMENT, TRANSPARENCY_BODY, CIVIL_SOCIETY
}
