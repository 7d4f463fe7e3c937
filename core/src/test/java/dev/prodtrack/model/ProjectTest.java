package dev.prodtrack.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The project record's team: an immutable list with a membership index. */
class ProjectTest {

  private static Project project(List<TeamMember> team) {
    return new Project(new ProjectId(new UUID(1, 1)), "P", null, null, true, "25", "16:9", "1920x1080", "short",
        "2d3d", null, null, null, 0, 0, false, false, team, List.of(), List.of(), List.of(), Map.of(),
        Instant.EPOCH, Instant.EPOCH);
  }

  @Test
  void team_smallAndLarge_findMembersAndBehaveAsPlainLists() {
    for (int size : new int[] {0, 3, 8, 200}) {
      List<TeamMember> team = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        team.add(new TeamMember(new PersonId(new UUID(7, i)), i % 2 == 0 ? null : Role.MANAGER));
      }
      Project p = project(team);
      assertThat(p.team()).isEqualTo(team).hasSameHashCodeAs(team);
      for (int i = 0; i < size; i++) {
        assertThat(p.member(new PersonId(new UUID(7, i)))).contains(team.get(i));
      }
      assertThat(p.member(new PersonId(new UUID(8, 0)))).isEmpty();
      assertThatThrownBy(() -> p.team().add(team.isEmpty() ? null : team.get(0)))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThat(p.withName("Q").team()).isSameAs(p.team());
    }
  }

  @Test
  void team_nullMember_isRefused() {
    List<TeamMember> team = new ArrayList<>();
    team.add(null);
    assertThatThrownBy(() -> project(team)).isInstanceOf(NullPointerException.class);
  }
}
