package dev.prodtrack;

import dev.prodtrack.model.Department;
import dev.prodtrack.model.DepartmentId;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.TeamMember;
import java.util.ArrayList;
import java.util.List;

/**
 * Kitsu's mention parsing: {@code @Full Name} or {@code @Department} followed by a space or the end of
 * the text. People must be in the project team; any department counts.
 */
final class Mentions {
  private Mentions() {}

  static boolean mentions(String text, String name) {
    if (name.isEmpty()) {
      return false;
    }
    String token = "@" + name;
    int from = 0;
    while (true) {
      int at = text.indexOf(token, from);
      if (at < 0) {
        return false;
      }
      int end = at + token.length();
      if (end == text.length() || text.charAt(end) == ' ') {
        return true;
      }
      from = at + 1;
    }
  }

  static List<PersonId> persons(State state, Project project, String text) {
    if (text.indexOf('@') < 0) {
      return List.of(); // no mention possible: no list made (most comments)
    }
    List<PersonId> out = new ArrayList<>();
    for (TeamMember m : project.team()) {
      Person p = state.persons.get(m.personId());
      if (p != null && mentions(text, p.fullName())) {
        out.add(p.id());
      }
    }
    return out;
  }

  static List<DepartmentId> departments(State state, String text) {
    if (text.indexOf('@') < 0) {
      return List.of();
    }
    List<DepartmentId> out = new ArrayList<>();
    for (Department d : state.departments.values()) {
      if (mentions(text, d.name())) {
        out.add(d.id());
      }
    }
    return out;
  }
}
