package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskStatusId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The live path builds its task in one constructor call (issue 6: one record per comment instead of a
 * chain of copies); these cases pin it to Kitsu's rules written as that chain: retake count on a change
 * into a retake status, real start on the first change into WIP, end date set on entering feedback and
 * cleared on entering any other non-done status, done date set on entering done and cleared otherwise,
 * then the status; on a comment with the task's own status only the last comment date and updated_at move.
 * Every combination of the status flags is tried on tasks with and without real start and end dates.
 */
class StatusRulesLiveTest {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final Instant COMMENT = Instant.parse("2026-03-02T10:00:00Z");
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:05Z");

  @Test
  void applyLive_equalsTheRuleChain_forEveryFlagCombinationAndTaskState() {
    Task base = RecordCodecTest.fullTask();
    int cases = 0;
    for (int flags = 0; flags < 16; flags++) {
      TaskStatus s = status(flags);
      for (int state = 0; state < 4; state++) {
        Task t = base.withRealStartDate((state & 1) == 0 ? null : T0).withEndDate((state & 2) == 0 ? null : T0)
            .withDoneDate((state & 2) == 0 ? null : T0.plusSeconds(5));
        for (boolean same : new boolean[] {false, true}) {
          Task before = same ? t.withTaskStatusId(s.id()) : t;
          StatusRules.Live live = StatusRules.applyLive(before, s, COMMENT, NOW);
          Task expected = chain(before, s);
          assertThat(live.task()).as("flags %s, state %d, same status %s", Integer.toBinaryString(flags), state, same)
              .isEqualTo(expected);
          assertThat(live.statusChanged()).isEqualTo(!same);
          cases++;
        }
      }
    }
    assertThat(cases).isEqualTo(128);
  }

  /** The rules as the chain of copies the live path used to make. */
  private static Task chain(Task task, TaskStatus newStatus) {
    boolean changed = !newStatus.id().equals(task.taskStatusId());
    Task t = task.withLastCommentDate(COMMENT).withUpdatedAt(NOW);
    if (changed) {
      if (newStatus.isRetake()) {
        t = t.withRetakeCount(t.retakeCount() + 1);
      }
      if (newStatus.isWip() && t.realStartDate() == null) {
        t = t.withRealStartDate(NOW);
      }
      if (newStatus.isFeedbackRequest()) {
        t = t.withEndDate(NOW);
      } else if (!newStatus.isDone()) {
        t = t.withEndDate(null);
      }
      t = t.withDoneDate(newStatus.isDone() ? NOW : null).withTaskStatusId(newStatus.id());
    }
    return t;
  }

  private static TaskStatus status(int flags) {
    return new TaskStatus(new TaskStatusId(new UUID(7, flags)), "S" + flags, "s" + flags, null, "#000000", 1, false,
        false, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0, true, true, false, T0, T0);
  }
}
