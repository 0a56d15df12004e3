package se.esam.lifecycle.support;

import java.util.List;

/**
 * The demo's people ({@code config/demo/identity.yaml}) as the tests use them: who each one is, in which
 * organisation and with which roles, so a test can say {@code People.KARIN} (the kansli) instead of a bare
 * "karin". Demo passwords are the user ids. The identity file stays the source: a person changed there and
 * not here fails the tests that rely on them.
 */
public final class People {

    /** One demo person: user id (also the demo password), organisation and groups (roles). */
    public record Person(String id, String organisation, List<String> groups) {

        public String password() {
            return id;
        }

        /** What a signed-in person's authorities are: their groups and their organisation. */
        public List<String> authorities() {
            return java.util.stream.Stream.concat(groups.stream(), java.util.stream.Stream.of(organisation))
                    .toList();
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** Administrator (camunda-admin), eSam. */
    public static final Person ADMIN = new Person("admin", "org-esam", List.of("camunda-admin"));
    /** Submitter, Pensionsmyndigheten. */
    public static final Person ANNA = new Person("anna", "org-pensionsmyndigheten", List.of("submitters"));
    /** Submitter, Kronofogden: another organisation than Anna's. */
    public static final Person OLOF = new Person("olof", "org-kronofogden", List.of("submitters"));
    /** The kansli, eSam. */
    public static final Person KARIN = new Person("karin", "org-esam", List.of("kansli"));
    /** Expert group architecture, Skatteverket. */
    public static final Person ERIK = new Person("erik", "org-skatteverket", List.of("expert-architecture"));
    /** Expert group architecture, Pensionsmyndigheten (Anna's organisation). */
    public static final Person HANNA = new Person("hanna", "org-pensionsmyndigheten", List.of("expert-architecture"));
    /** Expert group law, Domstolsverket. */
    public static final Person LENA = new Person("lena", "org-domstolsverket", List.of("expert-law"));
    /** Expert group information security, Polismyndigheten. */
    public static final Person IVAR =
            new Person("ivar", "org-polismyndigheten", List.of("expert-information-security"));
    /** Expert group communication, SKR. */
    public static final Person ULLA = new Person("ulla", "org-skr", List.of("expert-communication"));
    /** Chief architect, eSam. */
    public static final Person MARIA = new Person("maria", "org-esam", List.of("chief-architect"));
    /** Expert group architecture and chief architect, Lantmäteriet. */
    public static final Person PER =
            new Person("per", "org-lantmateriet", List.of("expert-architecture", "chief-architect"));
    /** Steering group, Försäkringskassan. */
    public static final Person STINA = new Person("stina", "org-forsakringskassan", List.of("steering-group"));
    /** Manager (reports), eSam. */
    public static final Person MATS = new Person("mats", "org-esam", List.of("managers"));

    public static final List<Person> EVERYONE =
            List.of(ADMIN, ANNA, OLOF, KARIN, ERIK, HANNA, LENA, IVAR, ULLA, MARIA, PER, STINA, MATS);

    private People() {}
}
