package se.esam.lifecycle.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

import se.esam.lifecycle.system.AsApplication;

/**
 * The one place that reads people, groups and organisations. They live in Camunda's identity store;
 * a member organisation is a group of type {@value #ORGANISATION_TYPE}. These are the application's
 * lookups (whose organisation, whom to mail), not a person's queries, so they run without the
 * signed-in person's authorizations, which would hide other people's groups.
 */
@Service
public class Directory {

    public static final String ORGANISATION_TYPE = "organisation";
    public static final String ROLE_TYPE = "role";

    private final IdentityService identity;

    Directory(IdentityService identity) {
        this.identity = identity;
    }

    public record Organisation(String id, String name) {}

    public Optional<Organisation> organisationOf(String userId) {
        List<Group> organisations = asApplication(() -> identity.createGroupQuery()
                .groupMember(userId)
                .groupType(ORGANISATION_TYPE)
                .orderByGroupId()
                .asc()
                .list());
        return organisations.stream().findFirst().map(g -> new Organisation(g.getId(), g.getName()));
    }

    public List<Organisation> organisations() {
        return asApplication(() -> identity.createGroupQuery()
                        .groupType(ORGANISATION_TYPE)
                        .orderByGroupName()
                        .asc()
                        .list())
                .stream()
                .map(g -> new Organisation(g.getId(), g.getName()))
                .toList();
    }

    public Optional<Organisation> organisation(String organisationId) {
        return Optional.ofNullable(asApplication(() ->
                        identity.createGroupQuery().groupId(organisationId).singleResult()))
                .filter(g -> ORGANISATION_TYPE.equals(g.getType()))
                .map(g -> new Organisation(g.getId(), g.getName()));
    }

    /** Conflict of interest: whether the person belongs to the organisation. */
    public boolean isMemberOf(String userId, String organisationId) {
        return userId != null && organisationId != null && groupsOf(userId).contains(organisationId);
    }

    public List<String> groupsOf(String userId) {
        return asApplication(
                        () -> identity.createGroupQuery().groupMember(userId).list())
                .stream()
                .map(Group::getId)
                .toList();
    }

    public String groupName(String groupId) {
        Group group =
                asApplication(() -> identity.createGroupQuery().groupId(groupId).singleResult());
        return group == null ? groupId : group.getName();
    }

    /** A person's name as pages show it; the id itself for someone the directory does not know. */
    public String nameOf(String userId) {
        if (userId == null) {
            return null;
        }
        User user =
                asApplication(() -> identity.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return userId;
        }
        String name = String.join(
                        " ",
                        user.getFirstName() == null ? "" : user.getFirstName(),
                        user.getLastName() == null ? "" : user.getLastName())
                .strip();
        return name.isEmpty() ? userId : name;
    }

    public Optional<String> emailOf(String userId) {
        return Optional.ofNullable(asApplication(
                        () -> identity.createUserQuery().userId(userId).singleResult()))
                .map(User::getEmail)
                .filter(mail -> !mail.isBlank());
    }

    public List<String> emailsOfGroup(String groupId) {
        return asApplication(
                        () -> identity.createUserQuery().memberOfGroup(groupId).list())
                .stream()
                .map(User::getEmail)
                .filter(mail -> mail != null && !mail.isBlank())
                .toList();
    }

    /** A person to write to: the address may be empty (nothing can be sent), the organisation too. */
    public record Person(String id, Optional<String> email, Optional<Organisation> organisation) {}

    private static final int PEOPLE_PER_QUERY = 10_000;

    /**
     * Many people at once, for a run that mails thousands: one query per 10,000 people and one per
     * organisation for the memberships. Unknown ids are left out.
     */
    public Map<String, Person> people(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        // in slices: a statement has at most 32,767 parameters on PostgreSQL
        List<String> ids = List.copyOf(userIds);
        List<User> users = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += PEOPLE_PER_QUERY) {
            String[] slice = ids.subList(from, Math.min(ids.size(), from + PEOPLE_PER_QUERY))
                    .toArray(String[]::new);
            users.addAll(asApplication(
                    () -> identity.createUserQuery().userIdIn(slice).list()));
        }
        Map<String, Organisation> organisationOf = new HashMap<>();
        for (Organisation organisation : organisations()) {
            for (User member : asApplication(() ->
                    identity.createUserQuery().memberOfGroup(organisation.id()).list())) {
                // the first by id, as organisationOf says
                organisationOf.merge(member.getId(), organisation, (a, b) -> a.id().compareTo(b.id()) <= 0 ? a : b);
            }
        }
        Map<String, Person> people = new HashMap<>();
        for (User user : users) {
            people.put(
                    user.getId(),
                    new Person(
                            user.getId(),
                            Optional.ofNullable(user.getEmail()).filter(mail -> !mail.isBlank()),
                            Optional.ofNullable(organisationOf.get(user.getId()))));
        }
        return people;
    }

    private <T> T asApplication(Supplier<T> lookup) {
        return AsApplication.query(identity, lookup);
    }
}
