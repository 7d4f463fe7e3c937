package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random comment histories (random statuses, dates in order and back-dated) against a reference model
 * of Kitsu's rules written independently of {@link StatusRules}.
 */
class CommentHistoryProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261128L);

  /** One generated action: a status index, a date offset in minutes from now, and who posts it. */
  record Step(int status, int offsetMinutes, boolean byArtist) {}

  /** The reference model of one task. */
  static final class Model {
    record C(Instant date, int order, TaskStatus status) {}

    final List<C> comments = new ArrayList<>();
    TaskStatus status;
    Instant last;
    int retakes;
    Instant realStart;
    Instant end;
    Instant done;

    void post(TaskStatus s, Instant date, Instant now) {
      comments.add(new C(date, comments.size(), s));
      if (last == null || !last.isAfter(date)) {
        boolean changed = !s.id().equals(status.id());
        status = s;
        last = date;
        if (changed) {
          if (s.isRetake()) {
            retakes++;
          }
          if (s.isWip() && realStart == null) {
            realStart = now;
          }
          if (s.isFeedbackRequest()) {
            end = now;
          } else if (!s.isDone()) {
            end = null;
          }
          done = s.isDone() ? now : null;
        }
      } else {
        replay();
      }
    }

    void replay() {
      List<C> sorted = new ArrayList<>(comments);
      sorted.sort(Comparator.comparing(C::date).thenComparingInt(C::order));
      retakes = 0;
      realStart = null;
      end = null;
      done = null;
      boolean prevRetake = false;
      for (C c : sorted) {
        if (c.status().isRetake() && !prevRetake) {
          retakes++;
        }
        prevRetake = c.status().isRetake();
        if (c.status().isWip() && realStart == null) {
          realStart = c.date();
        }
        if (c.status().isFeedbackRequest() && end == null) {
          end = c.date();
        }
        if (c.status().isDone()) {
          done = c.date();
        }
        status = c.status();
        last = c.date();
      }
    }
  }

  @Test
  void taskFieldsFollowTheRules_forRandomHistories() {
    qt().withFixedSeed(SEED).withExamples(150)
        .forAll(lists().of(integers().between(0, 4 * 3 * 200 - 1)).ofSizeBetween(1, 25))
        .checkAssert(encoded -> {
          List<Step> steps = encoded.stream()
              .map(i -> new Step(i % 5, (i / 5) % 120 - 100, (i / 600) % 2 == 1)).toList();
          Fixture f = new Fixture();
          TaskStatus[] statuses = {f.todo, f.wip, f.wfa, f.retake, f.done};
          Model model = new Model();
          model.status = f.todo;
          for (Step step : steps) {
            f.tick();
            Instant now = f.clock.instant();
            TaskStatus s = statuses[step.status()];
            if (step.byArtist() && !s.isArtistAllowed()) {
              String digest = f.engine.stateDigest();
              assertThatThrownBy(() -> f.tasks(f.artist).addComment(f.animTask.id(), s.id(), ""))
                  .as("seed %d, steps %s", SEED, steps).isInstanceOf(StatusNotAllowedException.class);
              assertThat(f.engine.stateDigest()).as("a refused comment changes nothing; seed %d", SEED).isEqualTo(digest);
              continue;
            }
            Instant date = now.plus(Duration.ofMinutes(step.offsetMinutes()));
            TaskApi api = step.byArtist() ? f.tasks(f.artist) : f.tasks(f.manager);
            Instant effective = step.byArtist() ? now : date;
            api.addComment(f.animTask.id(), s.id(), "", CommentOptions.NONE.withCreatedAt(date));
            model.post(s, effective, now);
            Task t = f.task(f.animTask);
            assertThat(List.of(String.valueOf(t.taskStatusId()), String.valueOf(t.lastCommentDate()),
                    String.valueOf(t.retakeCount()), String.valueOf(t.realStartDate()), String.valueOf(t.endDate()),
                    String.valueOf(t.doneDate())))
                .as("seed %d, steps %s", SEED, steps)
                .containsExactly(String.valueOf(model.status.id()), String.valueOf(model.last),
                    String.valueOf(model.retakes), String.valueOf(model.realStart), String.valueOf(model.end),
                    String.valueOf(model.done));
          }
          f.engine.checkInvariants();
        });
  }

  @Test
  void replayIsIdempotent_andEqualsTheModelReplay() {
    qt().withFixedSeed(SEED + 1).withExamples(100)
        .forAll(lists().of(integers().between(0, 5 * 200 - 1)).ofSizeBetween(0, 20))
        .checkAssert(encoded -> {
          Fixture f = new Fixture();
          TaskStatus[] statuses = {f.todo, f.wip, f.wfa, f.retake, f.done};
          Model model = new Model();
          model.status = f.todo;
          for (int i : encoded) {
            f.tick();
            Instant date = f.clock.instant().plus(Duration.ofMinutes((i / 5) % 200 - 150));
            f.tasks(f.manager).addComment(f.animTask.id(), statuses[i % 5].id(), "", CommentOptions.NONE.withCreatedAt(date));
            model.comments.add(new Model.C(date, model.comments.size(), statuses[i % 5]));
          }
          Task once = f.engine.write(f.admin.id(), tx -> TaskApi.replay(tx, f.animTask.id()));
          Task twice = f.engine.write(f.admin.id(), tx -> TaskApi.replay(tx, f.animTask.id()));
          assertThat(twice).as("seed %d, %s", SEED + 1, encoded).isEqualTo(once);
          model.replay();
          if (!encoded.isEmpty()) {
            assertThat(once.taskStatusId()).isEqualTo(model.status.id());
            assertThat(once.retakeCount()).isEqualTo(model.retakes);
            assertThat(once.realStartDate()).isEqualTo(model.realStart);
            assertThat(once.endDate()).isEqualTo(model.end);
            assertThat(once.doneDate()).isEqualTo(model.done);
            assertThat(once.lastCommentDate()).isEqualTo(model.last);
          } else {
            assertThat(once.taskStatusId()).isEqualTo(f.todo.id());
          }
          f.engine.checkInvariants();
        });
  }
}
