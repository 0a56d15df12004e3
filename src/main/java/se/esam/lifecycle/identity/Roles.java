package se.esam.lifecycle.identity;

import java.util.List;

/** The groups that are roles (as opposed to member organisations), by their ids in the identity store. */
public final class Roles {

    public static final String ADMINS = "camunda-admin";
    public static final String SUBMITTERS = "submitters";
    public static final String KANSLI = "kansli";
    public static final String MANAGERS = "managers";
    public static final List<String> EXPERT_GROUPS =
            List.of("expert-architecture", "expert-law", "expert-information-security", "expert-communication");
    public static final List<String> APPROVERS = List.of("chief-architect", "steering-group");
    /** Every role but the administrators, who may do everything anyway. */
    public static final List<String> ALL;

    static {
        var all = new java.util.ArrayList<>(List.of(SUBMITTERS, KANSLI, MANAGERS));
        all.addAll(EXPERT_GROUPS);
        all.addAll(APPROVERS);
        ALL = List.copyOf(all);
    }

    private Roles() {}
}
