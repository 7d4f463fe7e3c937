package dev.prodtrack.model;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The immutable list behind {@link Project#team()}: a plain list to its users, with an index by person
 * so that membership checks, which every permission check makes, do not scan a team of hundreds.
 */
final class TeamList extends AbstractList<TeamMember> implements RandomAccess {
  private static final int INDEX_FROM = 8;

  private final TeamMember[] members;
  private final Map<PersonId, TeamMember> byPerson;

  private TeamList(TeamMember[] members) {
    this.members = members;
    if (members.length >= INDEX_FROM) {
      byPerson = new HashMap<>(members.length * 2);
      for (TeamMember m : members) {
        byPerson.putIfAbsent(m.personId(), m);
      }
    } else {
      byPerson = null;
    }
  }

  static List<TeamMember> copyOf(List<TeamMember> team) {
    Objects.requireNonNull(team, "team");
    if (team instanceof TeamList t) {
      return t;
    }
    TeamMember[] members = team.toArray(new TeamMember[0]);
    for (TeamMember m : members) {
      Objects.requireNonNull(m, "team member");
    }
    return new TeamList(members);
  }

  /** The first team link of a person, or null. */
  TeamMember find(PersonId person) {
    if (byPerson != null) {
      return byPerson.get(person);
    }
    for (TeamMember m : members) {
      if (m.personId().equals(person)) {
        return m;
      }
    }
    return null;
  }

  @Override
  public TeamMember get(int index) {
    return members[index];
  }

  @Override
  public int size() {
    return members.length;
  }
}
