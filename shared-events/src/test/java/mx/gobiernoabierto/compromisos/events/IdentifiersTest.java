package mx.gobiernoabierto.compromisos.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void anIdIsALowerCaseCanonicalUuid() {
        assertThat(Identifiers.isId("3f2b8c1e-6d4a-4f7e-9a1b-2c3d4e5f6a7b")).isTrue();
        assertThat(Identifiers.isId("3F2B8C1E-6D4A-4F7E-9A1B-2C3D4E5F6A7B")).isFalse();
        assertThat(Identifiers.isId("3f2b8c1e6d4a4f7e9a1b2c3d4e5f6a7b")).isFalse();
        assertThat(Identifiers.isId("3f2b8c1e-6d4a-4f7e-9a1b-2c3d4e5f6a7b\n")).isFalse();
        assertThat(Identifiers.isId("")).isFalse();
        assertThat(Identifiers.isId(null)).isFalse();
    }

    @Test
    void anStlSlugIsLowerCaseGroupsJoinedBySingleDashes() {
        assertThat(Identifiers.isStlSlug("stl-jalisco")).isTrue();
        assertThat(Identifiers.isStlSlug("stl-nuevo-leon-2")).isTrue();
        assertThat(Identifiers.isStlSlug("stl--jalisco")).isFalse();
        assertThat(Identifiers.isStlSlug("-stl")).isFalse();
        assertThat(Identifiers.isStlSlug("stl-")).isFalse();
        assertThat(Identifiers.isStlSlug("STL Jalisco")).isFalse();
        assertThat(Identifiers.isStlSlug("")).isFalse();
        assertThat(Identifiers.isStlSlug(null)).isFalse();
    }
}
