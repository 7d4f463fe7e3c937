package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Task;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Dates outside the years 1..9999 (Kitsu stores Python dates) are refused before anything is committed.
 * Without the check, a due date in the year 6,000,000 was committed and then overflowed the todo index's
 * day count while being applied (an {@code ArithmeticException} after the store had the change set).
 */
class DateRangeTest {

  private static final LocalDate FAR = LocalDate.of(6_000_000, 1, 1);

  @Test
  void datesBeyondKitsusYears_withEveryDayIndexBuilt_areRefused_andNothingChanges() {
    var g = ProductionGenerator.generateInNewEngine(Size.TINY, 7);
    Production p = g.production();
    ProdTrack engine = g.engine();
    TaskApi admin = engine.as(p.admin()).task();
    for (PersonId person : p.persons()) {
      engine.as(person).user().allTasksToDo(); // builds the todo index
    }
    Task t = p.tasks().stream().map(admin::getTask).filter(x -> !x.assignees().isEmpty())
        .filter(x -> !x.taskStatusId().equals(p.defaults().done().id())).findFirst().orElseThrow();
    Project project = engine.as(p.admin()).project().getProject(t.projectId());
    String digest = engine.stateDigest();

    refused(() -> admin.updateTask(t.withDueDate(FAR)), "due_date");
    refused(() -> admin.updateTask(t.withStartDate(LocalDate.of(0, 12, 31))), "start_date");
    // a time spent also moves its person's last presence to its date: that is the first date refused
    refused(() -> admin.setTimeSpent(t.id(), t.assignees().get(0), FAR, Duration.ofHours(1)), "+6000000-01-01");
    refused(() -> engine.as(p.admin()).project().updateProject(project.withEndDate(FAR)), "end_date");
    assertThat(engine.stateDigest()).as("state after the refusals").isEqualTo(digest);

    // the bounds themselves are dates Kitsu stores
    admin.updateTask(t.withDueDate(LocalDate.of(9999, 12, 31)));
    admin.updateTask(admin.getTask(t.id()).withStartDate(LocalDate.of(1, 1, 1)));
    assertThat(admin.getTask(t.id()).dueDate()).isEqualTo(LocalDate.of(9999, 12, 31));
    engine.checkInvariants();
  }

  private static void refused(Executable call, String field) {
    assertThatThrownBy(call::execute).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(field).hasMessageContaining("1..9999");
  }
}
