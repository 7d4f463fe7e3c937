package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.schedule.RetakeStats;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kitsu's retake statistics and their evolution per take (kitsu-semantics §4.1). */
class RetakeStatsTest {
  private final Fixture f = new Fixture();

  @Test
  void retakeStats_countsAndEvolution() {
    TaskApi api = f.tasks(f.manager);
    for (int i = 0; i < 2; i++) {
      f.tick();
      api.addComment(f.animTask.id(), f.retake.id(), "");
      f.tick();
      api.addComment(f.animTask.id(), f.wfa.id(), "");
    }
    f.tick();
    api.addComment(f.animTask.id(), f.done.id(), "");
    f.tick();
    api.addComment(f.compTask.id(), f.retake.id(), "");
    List<RetakeStats> stats = f.engine.as(f.manager.id()).schedule().retakeStats(f.project);
    RetakeStats anim = stats.stream().filter(s -> s.taskType().equals(f.animation.id())).findFirst().orElseThrow();
    assertThat(anim.episode()).isNull();
    assertThat(anim.done()).isEqualTo(1);
    assertThat(anim.doneFrames()).isEqualTo(48);
    assertThat(anim.maxRetakeCount()).isEqualTo(2);
    assertThat(anim.evolution()).containsExactly(new RetakeStats.Take(1, 1, 0, 0), new RetakeStats.Take(2, 1, 0, 0));
    RetakeStats comp = stats.stream().filter(s -> s.taskType().equals(f.compositing.id())).findFirst().orElseThrow();
    assertThat(comp.retake()).isEqualTo(1);
    assertThat(comp.retakeFrames()).isEqualTo(48);
    assertThat(comp.evolution()).containsExactly(new RetakeStats.Take(1, 1, 0, 0));
    assertThat(stats).as("shot tasks only").noneMatch(s -> s.taskType().equals(f.modeling.id()));
  }
}
