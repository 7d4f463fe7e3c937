package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.RuleViolationException.Rule;
import dev.prodtrack.event.Event;
import dev.prodtrack.event.EventNames;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Department;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.model.TaskType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of kitsu-semantics §2.1–2.2, §2.4, §2.6, §2.8, §2.10–2.13 that the other rule tests
 * ({@link CommentRulesTest}, {@link TaskLifecycleTest}, {@link TimeSpentTest}, {@link TodoListTest})
 * leave uncovered. Every refusal is checked for its typed exception, the ids it carries, an unchanged
 * state digest and no event.
 */
class RuleCoverageTest {
  private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);
  private static final TaskId MISSING_TASK = new TaskId(UUID.fromString("00000000-0000-4000-8000-0000000000a1"));
  private static final PersonId MISSING_PERSON =
      new PersonId(UUID.fromString("00000000-0000-4000-8000-0000000000b2"));
  private static final TaskStatusId MISSING_STATUS =
      new TaskStatusId(UUID.fromString("00000000-0000-4000-8000-0000000000c3"));

  private final Fixture f = new Fixture();

  @AfterEach
  void invariantsHold() {
    f.engine.checkInvariants();
  }

  // ---------------------------------------------------------------- helpers

  /** Runs a call that must be refused: returns the exception, checks nothing changed and nothing was published. */
  private <T extends Throwable> T refused(ThrowingCallable call, Class<T> type) {
    return Refusal.check(f.engine, f.events, type, call);
  }

  private void denied(ThrowingCallable call, Person actor, String action, Object target) {
    PermissionDeniedException e = refused(call, PermissionDeniedException.class);
    assertThat(e.actor()).isEqualTo(actor.id());
    assertThat(e.action()).isEqualTo(action);
    assertThat(e.target()).isEqualTo(target);
  }

  private void unknown(ThrowingCallable call, String kind, Object id) {
    UnknownIdException e = refused(call, UnknownIdException.class);
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.id()).isEqualTo(id);
  }

  private void violates(ThrowingCallable call, Rule rule, dev.prodtrack.model.Id... ids) {
    RuleViolationException e = refused(call, RuleViolationException.class);
    assertThat(e.rule()).isEqualTo(rule);
    assertThat(e.ids()).containsExactly(ids);
  }

  private void statusNotAllowed(ThrowingCallable call, Person actor, Task task, TaskStatus status, Role role) {
    StatusNotAllowedException e = refused(call, StatusNotAllowedException.class);
    assertThat(e.actor()).isEqualTo(actor.id());
    assertThat(e.task()).isEqualTo(task.id());
    assertThat(e.status()).isEqualTo(status.id());
    assertThat(e.projectRole()).isEqualTo(role);
  }

  private Department department(String name, Person... members) {
    PersonApi people = f.engine.as(f.admin.id()).person();
    Department d = people.newDepartment(name, "#123456");
    for (Person p : members) {
      people.addToDepartment(p.id(), d.id());
    }
    return d;
  }

  /** Puts a task type in a department (no public API for it yet: written directly). */
  private void inDepartment(TaskType type, Department d) {
    f.engine.write(f.admin.id(), tx -> {
      TaskType t = tx.require("task type", type.id());
      tx.put(t.id(), t.withDepartmentId(d.id()));
      return null;
    });
  }

  private Person newPerson(String first, String last, Role role) {
    return f.engine.as(f.admin.id()).person().newPerson(first, last, first.toLowerCase() + "@studio.test", role);
  }

  /** A global manager who is not in the project's team. */
  private Person managerOutsideTheTeam() {
    return newPerson("Gus", "Global", Role.MANAGER);
  }

  private Person bot() {
    Person b = newPerson("Robo", "Render", Role.USER);
    return f.engine.as(f.admin.id()).person().updatePerson(b.withBot(true));
  }

  private TaskType conceptType() {
    return f.tasks(f.admin).newTaskType("Concept Art", "Concept", null);
  }

  /** A concept created by the artist (who manages the project just long enough to create it). */
  private Entity conceptByTheArtist() {
    f.join(f.artist, Role.MANAGER);
    Entity c = f.engine.as(f.artist.id()).asset().newConcept(f.project, "Hero look", null);
    f.join(f.artist, null);
    return c;
  }

  private List<Event> eventsSince(int from) {
    return List.copyOf(f.events.subList(from, f.events.size()));
  }

  // ---------------------------------------------------------------- §2.1 comment permission gate

  @Test
  void addComment_projectRoleManager_mayCommentWithoutBeingAssigned() {
    f.join(f.artist2, Role.MANAGER);
    Comment c = f.tasks(f.artist2).addComment(f.animTask.id(), f.done.id(), "approved");
    assertThat(c.personId()).isEqualTo(f.artist2.id());
    assertThat(f.task(f.animTask).taskStatusId()).isEqualTo(f.done.id());
  }

  @Test
  void addComment_globalManagerOutsideTheTeam_isRefused() {
    Person gus = managerOutsideTheTeam();
    denied(() -> f.tasks(gus).addComment(f.animTask.id(), f.wip.id(), ""), gus, "add_comment", f.animTask.id());
  }

  @Test
  void addComment_projectRoleClient_mayCommentButNotWithAStatusClosedToClients() {
    f.join(f.artist2, Role.CLIENT);
    f.tasks(f.artist2).addComment(f.animTask.id(), f.wfa.id(), "");
    statusNotAllowed(() -> f.tasks(f.artist2).addComment(f.animTask.id(), f.closedToArtists.id(), ""), f.artist2,
        f.animTask, f.closedToArtists, Role.CLIENT);
  }

  @Test
  void addComment_supervisorOfTheTaskTypesDepartment_mayComment() {
    Department anim = department("Animation", f.supervisor);
    inDepartment(f.animation, anim);
    Comment c = f.tasks(f.supervisor).addComment(f.animTask.id(), f.retake.id(), "the arm");
    assertThat(c.taskStatusId()).isEqualTo(f.retake.id());
  }

  @Test
  void addComment_supervisorOfAnotherDepartment_isRefused() {
    Department anim = department("Animation", f.supervisor);
    Department comp = department("Compositing");
    inDepartment(f.animation, anim);
    inDepartment(f.compositing, comp);
    denied(() -> f.tasks(f.supervisor).addComment(f.compTask.id(), f.wip.id(), ""), f.supervisor, "add_comment",
        f.compTask.id());
  }

  @Test
  void addComment_supervisorWithDepartments_onATaskTypeWithoutDepartment_isRefused() {
    department("Animation", f.supervisor);
    denied(() -> f.tasks(f.supervisor).addComment(f.compTask.id(), f.wip.id(), ""), f.supervisor, "add_comment",
        f.compTask.id());
  }

  @Test
  void addComment_entityCreator_mayCommentWithoutBeingAssigned() {
    Entity concept = conceptByTheArtist();
    assertThat(concept.createdBy()).isEqualTo(f.artist.id());
    Task task = f.tasks(f.manager).newTask(concept.id(), conceptType().id());
    Comment c = f.tasks(f.artist).addComment(task.id(), f.wip.id(), "first sketch");
    assertThat(c.personId()).isEqualTo(f.artist.id());
    denied(() -> f.tasks(f.artist2).addComment(task.id(), f.wip.id(), ""), f.artist2, "add_comment", task.id());
  }

  @Test
  void addComment_mentionedThroughADepartment_mayCommentWithTheCurrentStatusOnly() {
    Department layout = department("Layout", f.artist2);
    Comment mention = f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "@Layout please check");
    assertThat(mention.departmentMentions()).containsExactly(layout.id());
    f.tasks(f.artist2).addComment(f.animTask.id(), f.wip.id(), "checked");
    statusNotAllowed(() -> f.tasks(f.artist2).addComment(f.animTask.id(), f.wfa.id(), ""), f.artist2, f.animTask,
        f.wfa, Role.USER);
  }

  @Test
  void addComment_mentionedVendor_isRefused() {
    Comment mention = f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "@Vic Vendor have a look");
    assertThat(mention.mentions()).containsExactly(f.vendor.id());
    denied(() -> f.tasks(f.vendor).addComment(f.animTask.id(), f.wip.id(), ""), f.vendor, "add_comment",
        f.animTask.id());
  }

  @Test
  void addComment_mentionedPersonNoLongerInTheTeam_isRefused() {
    f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "@Bo Painter have a look");
    f.engine.as(f.manager.id()).project().removePersonFromTeam(f.project, f.artist2.id());
    denied(() -> f.tasks(f.artist2).addComment(f.animTask.id(), f.wip.id(), ""), f.artist2, "add_comment",
        f.animTask.id());
  }

  @Test
  void addComment_mentionOfSomeoneOutsideTheTeam_givesNoAccess() {
    Comment c = f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "@Oz Outsider have a look");
    assertThat(c.mentions()).isEmpty();
    denied(() -> f.tasks(f.outsider).addComment(f.animTask.id(), f.wip.id(), ""), f.outsider, "add_comment",
        f.animTask.id());
  }

  @Test
  void addComment_vendorsSupervisorsAndManagers_areNotRestrictedByStatusFlags() {
    f.tasks(f.manager).assignTask(f.compTask.id(), f.vendor.id());
    f.tasks(f.vendor).addComment(f.compTask.id(), f.done.id(), "delivered");
    f.tick();
    f.tasks(f.supervisor).addComment(f.compTask.id(), f.closedToArtists.id(), "lead approved");
    f.tick();
    f.tasks(f.manager).addComment(f.animTask.id(), f.closedToArtists.id(), "");
    assertThat(f.task(f.compTask).taskStatusId()).isEqualTo(f.closedToArtists.id());
    assertThat(f.task(f.animTask).taskStatusId()).isEqualTo(f.closedToArtists.id());
  }

  @Test
  void addComment_unknownStatus_isAnUnknownIdException() {
    unknown(() -> f.tasks(f.manager).addComment(f.animTask.id(), MISSING_STATUS, ""), "task status", MISSING_STATUS);
  }

  @Test
  void addComment_unknownAuthorGivenByAManager_isAnUnknownIdException() {
    unknown(() -> f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "",
        CommentOptions.NONE.withAuthor(MISSING_PERSON)), "person", MISSING_PERSON);
  }

  // ---------------------------------------------------------------- §2.2 live path

  @Test
  void addComment_statusChangedEvent_namesTheAuthorGivenByAManager() {
    f.events.clear();
    f.tasks(f.manager).addComment(f.animTask.id(), f.wip.id(), "", CommentOptions.NONE.withAuthor(f.artist.id()));
    Event changed = f.events.stream().filter(e -> e.name().equals(EventNames.TASK_STATUS_CHANGED)).findFirst()
        .orElseThrow();
    assertThat(changed.id("person_id")).isEqualTo(f.artist.id().value());
  }

  @Test
  void addComment_sameRetakeStatusTwice_countsOnce() {
    TaskApi api = f.tasks(f.manager);
    api.addComment(f.animTask.id(), f.retake.id(), "");
    f.tick();
    api.addComment(f.animTask.id(), f.retake.id(), "still wrong");
    assertThat(f.task(f.animTask).retakeCount()).as("only a status change counts").isEqualTo(1);
  }

  @Test
  void addComment_sameFeedbackStatusAgain_keepsTheEndDateAndSendsNoToReview() {
    TaskApi api = f.tasks(f.manager);
    f.tick();
    Instant first = f.clock.instant();
    api.addComment(f.animTask.id(), f.wfa.id(), "");
    f.tick();
    f.events.clear();
    api.addComment(f.animTask.id(), f.wfa.id(), "reminder");
    assertThat(f.task(f.animTask).endDate()).as("the date policy runs only on a status change").isEqualTo(first);
    assertThat(f.eventNames()).containsExactly(EventNames.COMMENT_NEW, EventNames.TASK_UPDATE);
  }

  @Test
  void addComment_doneStraightFromWip_setsTheDoneDateAndLeavesNoEndDate() {
    TaskApi api = f.tasks(f.manager);
    f.tick();
    api.addComment(f.animTask.id(), f.wip.id(), "");
    f.tick();
    Instant doneAt = f.clock.instant();
    api.addComment(f.animTask.id(), f.done.id(), "");
    Task t = f.task(f.animTask);
    assertThat(t.doneDate()).isEqualTo(doneAt);
    assertThat(t.endDate()).isNull();
  }

  // ---------------------------------------------------------------- §2.4 retake cap

  @Test
  void retakeCap_entityOverrideZero_leavesTheProjectCap() {
    f.setProject(p -> p.withMaxRetakes(1));
    setShotData(Map.of("max_retakes", 0));
    TaskApi api = f.tasks(f.manager);
    api.addComment(f.animTask.id(), f.retake.id(), "");
    f.tick();
    api.addComment(f.animTask.id(), f.wfa.id(), "");
    RetakeCapReachedException e = refused(() -> api.addComment(f.animTask.id(), f.retake.id(), ""),
        RetakeCapReachedException.class);
    assertThat(e.cap()).isEqualTo(1);
    assertThat(e.status()).isEqualTo(f.retake.id());
  }

  @Test
  void retakeCap_entityOverrideAboveTheProjectCap_allowsMoreRetakes() {
    f.setProject(p -> p.withMaxRetakes(1));
    setShotData(Map.of("max_retakes", 2));
    TaskApi api = f.tasks(f.manager);
    for (int i = 0; i < 2; i++) {
      f.tick();
      api.addComment(f.animTask.id(), f.retake.id(), "");
      f.tick();
      api.addComment(f.animTask.id(), f.wfa.id(), "");
    }
    RetakeCapReachedException e = refused(() -> api.addComment(f.animTask.id(), f.retake.id(), ""),
        RetakeCapReachedException.class);
    assertThat(e.task()).isEqualTo(f.animTask.id());
    assertThat(e.retakeCount()).isEqualTo(2);
    assertThat(e.cap()).isEqualTo(2);
  }

  @Test
  void retakeCap_appliesToEveryRetakeStatus() {
    TaskStatus retake2 = f.tasks(f.admin).newTaskStatus("Retake Lead", "retake2", "#ff0000",
        EnumSet.of(StatusFlag.RETAKE));
    f.setProject(p -> p.withMaxRetakes(1));
    TaskApi api = f.tasks(f.manager);
    api.addComment(f.animTask.id(), f.retake.id(), "");
    f.tick();
    RetakeCapReachedException e = refused(() -> api.addComment(f.animTask.id(), retake2.id(), ""),
        RetakeCapReachedException.class);
    assertThat(e.status()).isEqualTo(retake2.id());
  }

  private void setShotData(Map<String, Object> data) {
    f.engine.write(f.admin.id(), tx -> {
      Entity e = tx.require("entity", f.shot);
      tx.put(e.id(), e.withData(data));
      return null;
    });
  }

  // ---------------------------------------------------------------- §2.6 time spent

  @Test
  void setTimeSpent_hasNoUpperBound() {
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(30));
    assertThat(f.task(f.animTask).duration()).isEqualTo(Duration.ofHours(30));
  }

  @Test
  void setTimeSpent_unknownPerson_isAnUnknownIdException() {
    unknown(() -> f.tasks(f.manager).setTimeSpent(f.animTask.id(), MISSING_PERSON, MONDAY, Duration.ofHours(1)),
        "person", MISSING_PERSON);
    unknown(() -> f.tasks(f.manager).addTimeSpent(f.animTask.id(), MISSING_PERSON, MONDAY, Duration.ofHours(1)),
        "person", MISSING_PERSON);
  }

  @Test
  void setTimeSpent_unknownTask_isAnUnknownIdException() {
    unknown(() -> f.tasks(f.manager).setTimeSpent(MISSING_TASK, f.artist.id(), MONDAY, Duration.ofHours(1)),
        "task", MISSING_TASK);
    unknown(() -> f.tasks(f.manager).removeTimeSpent(MISSING_TASK, f.artist.id(), MONDAY), "task", MISSING_TASK);
  }

  @Test
  void setTimeSpent_botNeedsBotCollaboration() {
    Person bot = bot();
    f.setProject(p -> p.withBotCollaborationEnabled(true));
    f.tasks(f.manager).assignTask(f.compTask.id(), bot.id());
    f.setProject(p -> p.withBotCollaborationEnabled(false));
    denied(() -> f.tasks(bot).setTimeSpent(f.compTask.id(), bot.id(), MONDAY, Duration.ofHours(1)), bot,
        "set_time_spent", f.compTask.id());
    denied(() -> f.tasks(f.manager).addTimeSpent(f.compTask.id(), bot.id(), MONDAY, Duration.ofHours(1)),
        f.manager, "set_time_spent", f.compTask.id());
    f.setProject(p -> p.withBotCollaborationEnabled(true));
    f.tasks(bot).setTimeSpent(f.compTask.id(), bot.id(), MONDAY, Duration.ofHours(1));
    assertThat(f.task(f.compTask).duration()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void setTimeSpent_globalManagerOutsideTheTeam_mayNotLogForOthers() {
    Person gus = managerOutsideTheTeam();
    denied(() -> f.tasks(gus).setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(1)), gus,
        "set_time_spent", f.animTask.id());
    denied(() -> f.tasks(gus).removeTimeSpent(f.animTask.id(), f.artist.id(), MONDAY), gus, "remove_time_spent",
        f.animTask.id());
  }

  @Test
  void setTimeSpent_projectRoleManager_mayLogForAnAssignee() {
    f.join(f.artist2, Role.MANAGER);
    f.tasks(f.artist2).setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(2));
    assertThat(f.task(f.animTask).duration()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void setTimeSpent_durationIsTheSumOverPersonsAndDays() {
    f.tasks(f.manager).assignTask(f.animTask.id(), f.artist2.id());
    TaskApi api = f.tasks(f.manager);
    api.setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofMinutes(90));
    api.setTimeSpent(f.animTask.id(), f.artist2.id(), MONDAY, Duration.ofMinutes(45));
    api.addTimeSpent(f.animTask.id(), f.artist2.id(), MONDAY.plusDays(2), Duration.ofMinutes(15));
    assertThat(f.task(f.animTask).duration()).isEqualTo(Duration.ofMinutes(150));
    assertThat(api.getTimeSpents(f.animTask.id()).byPerson()).containsOnlyKeys(f.artist.id(), f.artist2.id());
  }

  @Test
  void setTimeSpent_updatingARow_doesNotBumpLastPresence() {
    TaskApi api = f.tasks(f.artist);
    api.setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(1));
    api.setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY.plusDays(1), Duration.ofHours(1));
    api.addTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(1));
    assertThat(f.engine.as(f.admin.id()).person().getPerson(f.artist.id()).lastPresence()).isEqualTo(MONDAY.plusDays(1));
  }

  @Test
  void removeTimeSpent_bySomeoneElse_isRefused_andByThePersonEmitsDelete() {
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(1));
    denied(() -> f.tasks(f.artist2).removeTimeSpent(f.animTask.id(), f.artist.id(), MONDAY), f.artist2,
        "remove_time_spent", f.animTask.id());
    f.events.clear();
    var removed = f.tasks(f.artist).removeTimeSpent(f.animTask.id(), f.artist.id(), MONDAY);
    assertThat(f.eventNames()).containsExactly(EventNames.TIME_SPENT_DELETE, EventNames.TASK_UPDATE);
    assertThat(f.events.get(0).id("time_spent_id")).isEqualTo(removed.id().value());
    assertThat(f.task(f.animTask).duration()).isZero();
  }

  @Test
  void removeTimeSpent_afterUnassignment_isStillAllowed() {
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(1));
    f.tasks(f.manager).unassignTask(f.animTask.id(), f.artist.id());
    violates(() -> f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(2)),
        Rule.NOT_ASSIGNED, f.artist.id(), f.animTask.id());
    assertThat(f.task(f.animTask).duration()).as("rows stay when the person is unassigned").isEqualTo(Duration.ofHours(1));
    f.tasks(f.artist).removeTimeSpent(f.animTask.id(), f.artist.id(), MONDAY);
    assertThat(f.task(f.animTask).duration()).isZero();
  }

  // ---------------------------------------------------------------- §2.8 assign / unassign

  @Test
  void assignTask_setsTheAssigner_andReassigningByAnotherPersonOnlyUpdatesIt() {
    Task t = f.tasks(f.manager).assignTask(f.compTask.id(), f.artist2.id());
    assertThat(t.assignerId()).isEqualTo(f.manager.id());
    f.events.clear();
    Task again = f.tasks(f.admin).assignTask(f.compTask.id(), f.artist2.id());
    assertThat(again.assignerId()).isEqualTo(f.admin.id());
    assertThat(again.assignees()).containsExactly(f.artist2.id());
    assertThat(f.eventNames()).containsExactly(EventNames.TASK_UPDATE);
  }

  @Test
  void assignTask_supervisorWithNoDepartment_mayAssignAnyone() {
    Task t = f.tasks(f.supervisor).assignTask(f.compTask.id(), f.outsider.id());
    assertThat(t.assignees()).containsExactly(f.outsider.id());
  }

  @Test
  void assignTask_supervisorOfTheTypesDepartment_mayAssignOnlyPeopleSharingADepartment() {
    Department anim = department("Animation", f.supervisor, f.artist2);
    inDepartment(f.animation, anim);
    assertThat(f.tasks(f.supervisor).assignTask(f.animTask.id(), f.artist2.id()).assignees())
        .containsExactly(f.artist.id(), f.artist2.id());
    denied(() -> f.tasks(f.supervisor).assignTask(f.animTask.id(), f.outsider.id()), f.supervisor, "assign_task",
        f.animTask.id());
  }

  @Test
  void assignTask_supervisorOfAnotherDepartment_isRefused() {
    department("Animation", f.supervisor, f.artist2);
    Department comp = department("Compositing");
    inDepartment(f.compositing, comp);
    denied(() -> f.tasks(f.supervisor).assignTask(f.compTask.id(), f.artist2.id()), f.supervisor, "assign_task",
        f.compTask.id());
    denied(() -> f.tasks(f.supervisor).assignTask(f.animTask.id(), f.artist2.id()), f.supervisor, "assign_task",
        f.animTask.id());
  }

  @Test
  void assignTask_clientOrVendor_isRefused() {
    denied(() -> f.tasks(f.client).assignTask(f.compTask.id(), f.artist.id()), f.client, "assign_task",
        f.compTask.id());
    denied(() -> f.tasks(f.vendor).assignTask(f.compTask.id(), f.vendor.id()), f.vendor, "assign_task",
        f.compTask.id());
  }

  @Test
  void assignTask_globalManagerOutsideTheTeam_isRefused() {
    Person gus = managerOutsideTheTeam();
    denied(() -> f.tasks(gus).assignTask(f.compTask.id(), f.artist.id()), gus, "assign_task", f.compTask.id());
  }

  @Test
  void assignTask_botNeedsBotCollaboration() {
    Person bot = bot();
    denied(() -> f.tasks(f.manager).assignTask(f.compTask.id(), bot.id()), f.manager, "assign_task",
        f.compTask.id());
    f.setProject(p -> p.withBotCollaborationEnabled(true));
    assertThat(f.tasks(f.manager).assignTask(f.compTask.id(), bot.id()).assignees()).containsExactly(bot.id());
  }

  @Test
  void assignTask_unknownPersonOrTask_isAnUnknownIdException() {
    unknown(() -> f.tasks(f.manager).assignTask(f.compTask.id(), MISSING_PERSON), "person", MISSING_PERSON);
    unknown(() -> f.tasks(f.manager).assignTask(MISSING_TASK, f.artist.id()), "task", MISSING_TASK);
  }

  @Test
  void unassignTask_supervisorOfTheTypesDepartment_may_andOfAnotherDepartment_mayNot() {
    Department anim = department("Animation", f.supervisor);
    inDepartment(f.animation, anim);
    inDepartment(f.compositing, department("Compositing"));
    f.tasks(f.manager).assignTask(f.compTask.id(), f.artist2.id());
    denied(() -> f.tasks(f.supervisor).unassignTask(f.compTask.id(), f.artist2.id()), f.supervisor,
        "unassign_task", f.compTask.id());
    assertThat(f.tasks(f.supervisor).unassignTask(f.animTask.id(), f.artist.id()).assignees()).isEmpty();
  }

  @Test
  void unassignTask_clientOrGlobalManagerOutsideTheTeam_isRefused() {
    Person gus = managerOutsideTheTeam();
    denied(() -> f.tasks(f.client).unassignTask(f.animTask.id(), f.artist.id()), f.client, "unassign_task",
        f.animTask.id());
    denied(() -> f.tasks(gus).unassignTask(f.animTask.id(), f.artist.id()), gus, "unassign_task", f.animTask.id());
  }

  @Test
  void clearAssignation_emitsOneUnassignPerPerson() {
    f.tasks(f.manager).assignTask(f.animTask.id(), f.artist2.id());
    f.events.clear();
    Task t = f.tasks(f.manager).clearAssignation(f.animTask.id());
    assertThat(t.assignees()).isEmpty();
    assertThat(f.eventNames()).containsExactly(EventNames.TASK_UNASSIGN, EventNames.TASK_UNASSIGN,
        EventNames.TASK_UPDATE);
    assertThat(f.events.subList(0, 2)).extracting(e -> e.id("person_id"))
        .containsExactly(f.artist.id().value(), f.artist2.id().value());
  }

  @Test
  void clearAssignation_byAnArtist_isRefusedAsSoonAsOneAssigneeIsSomeoneElse() {
    f.tasks(f.manager).assignTask(f.animTask.id(), f.artist2.id());
    denied(() -> f.tasks(f.artist).clearAssignation(f.animTask.id()), f.artist, "unassign_task", f.animTask.id());
  }

  // ---------------------------------------------------------------- §2.10 creating tasks

  @Test
  void newTask_onAConcept_takesTheConceptDefaultStatus() {
    Entity concept = f.engine.as(f.manager.id()).asset().newConcept(f.project, "Hero look", null);
    Task t = f.tasks(f.manager).newTask(concept.id(), conceptType().id());
    assertThat(t.taskStatusId()).as("no default concept status: the one with short name 'neutral'")
        .isEqualTo(f.neutral.id());
  }

  @Test
  void newTask_onAConcept_prefersADefaultConceptStatus() {
    TaskStatus sketch = f.tasks(f.admin).newTaskStatus("Sketch", "sketch", "#eeeeee",
        EnumSet.of(StatusFlag.DEFAULT, StatusFlag.FOR_CONCEPT));
    Entity concept = f.engine.as(f.manager.id()).asset().newConcept(f.project, "Hero look", null);
    Task t = f.tasks(f.manager).newTask(concept.id(), conceptType().id());
    assertThat(t.taskStatusId()).isEqualTo(sketch.id());
    Task shotTask = f.tasks(f.manager).newTask(f.shot, f.animation.id(), "second", null, List.of());
    assertThat(shotTask.taskStatusId()).as("entity tasks keep a non-concept default").isEqualTo(f.todo.id());
  }

  @Test
  void newTask_onAConceptWithoutAnyConceptStatus_createsNeutral() {
    f.engine.write(f.admin.id(), tx -> {
      tx.put(f.neutral.id(), f.neutral.withShortName("old-neutral"));
      return null;
    });
    Entity concept = f.engine.as(f.manager.id()).asset().newConcept(f.project, "Hero look", null);
    TaskType type = conceptType();
    f.events.clear();
    Task t = f.tasks(f.manager).newTask(concept.id(), type.id());
    TaskStatus created = f.tasks(f.admin).getTaskStatus(t.taskStatusId());
    assertThat(created.id()).isNotEqualTo(f.neutral.id());
    assertThat(List.of(created.name(), created.shortName(), created.color())).containsExactly("Neutral", "neutral",
        "#CCCCCC");
    assertThat(created.forConcept()).isTrue();
    assertThat(f.eventNames()).containsExactly(EventNames.TASK_STATUS_NEW, EventNames.TASK_NEW);
  }

  @Test
  void newTask_startsEmpty_andEmitsTaskNew() {
    f.events.clear();
    Task t = f.tasks(f.manager).newTask(f.shot, f.animation.id(), "layout", null, List.of());
    assertThat(f.eventNames()).containsExactly(EventNames.TASK_NEW);
    assertThat(f.events.get(0).id("task_id")).isEqualTo(t.id().value());
    assertThat(t.estimation()).isZero();
    assertThat(t.duration()).isZero();
    assertThat(t.retakeCount()).isZero();
    assertThat(t.assignees()).isEmpty();
    assertThat(List.of(String.valueOf(t.startDate()), String.valueOf(t.dueDate()), String.valueOf(t.realStartDate()),
        String.valueOf(t.endDate()), String.valueOf(t.doneDate()), String.valueOf(t.lastCommentDate())))
        .containsOnly("null");
  }

  @Test
  void newTask_withAssignees_addsThemToTheTeamAndEmitsAssign() {
    f.events.clear();
    Task t = f.tasks(f.manager).newTask(f.shot, f.animation.id(), "layout", null, List.of(f.outsider.id()));
    assertThat(t.assignees()).containsExactly(f.outsider.id());
    assertThat(f.engine.as(f.admin.id()).project().team(f.project)).anyMatch(m -> m.personId().equals(f.outsider.id()));
    assertThat(f.eventNames()).containsExactly(EventNames.TASK_NEW, EventNames.PROJECT_UPDATE, EventNames.TASK_ASSIGN);
    assertThat(f.engine.as(f.outsider.id()).user().allTasksToDo()).extracting(Task::id).containsExactly(t.id());
  }

  @Test
  void newTask_duplicate_carriesTheExistingTask() {
    violates(() -> f.tasks(f.manager).newTask(f.shot, f.animation.id()), Rule.DUPLICATE_TASK, f.animTask.id(),
        f.shot, f.animation.id());
  }

  @Test
  void newTask_globalManagerOutsideTheTeam_isRefused() {
    Person gus = managerOutsideTheTeam();
    denied(() -> f.tasks(gus).newTask(f.shot, f.animation.id(), "layout", null, List.of()), gus, "new_task",
        f.shot);
  }

  @Test
  void newTask_unknownStatusOrAssignee_isAnUnknownIdException() {
    unknown(() -> f.tasks(f.manager).newTask(f.shot, f.animation.id(), "layout", MISSING_STATUS, List.of()),
        "task status", MISSING_STATUS);
    unknown(() -> f.tasks(f.manager).newTask(f.shot, f.animation.id(), "layout", null, List.of(MISSING_PERSON)),
        "person", MISSING_PERSON);
  }

  // ---------------------------------------------------------------- §2.11 updating a task

  @Test
  void updateTask_supervisorOfTheTypesDepartment_mayChangeTheSchedule_andOfAnotherDepartment_mayNot() {
    Department anim = department("Animation", f.supervisor);
    inDepartment(f.animation, anim);
    inDepartment(f.compositing, department("Compositing"));
    Task t = f.tasks(f.supervisor).updateTask(f.task(f.animTask).withDueDate(LocalDate.of(2025, 4, 1))
        .withEstimation(Duration.ofHours(8)));
    assertThat(t.dueDate()).isEqualTo(LocalDate.of(2025, 4, 1));
    Task comp = f.task(f.compTask);
    denied(() -> f.tasks(f.supervisor).updateTask(comp.withPriority(3)), f.supervisor, "update_task", comp.id());
  }

  @Test
  void updateTask_clientVendorAndGlobalManagerOutsideTheTeam_areRefused() {
    Person gus = managerOutsideTheTeam();
    Task t = f.task(f.animTask);
    denied(() -> f.tasks(f.client).updateTask(t.withPriority(1)), f.client, "update_task", t.id());
    denied(() -> f.tasks(f.vendor).updateTask(t.withPriority(1)), f.vendor, "update_task", t.id());
    denied(() -> f.tasks(gus).updateTask(t.withPriority(1)), gus, "update_task", t.id());
  }

  @Test
  void updateTask_managerMayWriteNonSchedulingFields() {
    // The name is left out: renaming a task breaks the engine's indexes (reported separately).
    Task t = f.tasks(f.manager).updateTask(f.task(f.compTask).withDifficulty(5).withCompletionRate(40)
        .withTaskStatusId(f.wip.id()).withDescription("keyed"));
    assertThat(List.of(String.valueOf(t.difficulty()), String.valueOf(t.completionRate()), t.description()))
        .containsExactly("5", "40", "keyed");
    assertThat(t.taskStatusId()).isEqualTo(f.wip.id());
    assertThat(t.realStartDate()).as("no date policy on the generic update").isNull();
  }

  // ---------------------------------------------------------------- §2.12 deletion

  @Test
  void removeTask_withOnlyTimeSpents_needsForce() {
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(1));
    violates(() -> f.tasks(f.manager).removeTask(f.animTask.id(), false), Rule.HAS_DEPENDANTS, f.animTask.id());
  }

  @Test
  void removeTask_withOnlyAComment_needsForce() {
    f.tasks(f.artist).addComment(f.animTask.id(), f.wip.id(), "");
    violates(() -> f.tasks(f.manager).removeTask(f.animTask.id(), false), Rule.HAS_DEPENDANTS, f.animTask.id());
  }

  @Test
  void removeTask_withForce_removesCommentsAndTimeSpentsFirst() {
    Comment c = f.tasks(f.artist).addComment(f.animTask.id(), f.wip.id(), "");
    var row = f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), MONDAY, Duration.ofHours(1));
    f.events.clear();
    f.tasks(f.manager).removeTask(f.animTask.id(), true);
    assertThat(f.eventNames()).containsExactly(EventNames.COMMENT_DELETE, EventNames.TIME_SPENT_DELETE,
        EventNames.TASK_DELETE);
    assertThat(f.events).extracting(e -> e.id(e.name().equals(EventNames.COMMENT_DELETE) ? "comment_id"
        : e.name().equals(EventNames.TIME_SPENT_DELETE) ? "time_spent_id" : "task_id"))
        .containsExactly(c.id().value(), row.id().value(), f.animTask.id().value());
    assertThat(f.engine.as(f.admin.id()).person().getPerson(f.artist.id()).lastPresence())
        .as("the person stays").isEqualTo(MONDAY);
    assertThat(f.tasks(f.admin).allTasksForShot(f.shot)).extracting(Task::id).containsExactly(f.compTask.id());
  }

  @Test
  void removeTask_byAGlobalManagerOutsideTheTeam_isRefused() {
    Person gus = managerOutsideTheTeam();
    denied(() -> f.tasks(gus).removeTask(f.compTask.id(), true), gus, "remove_task", f.compTask.id());
  }

  @Test
  void removeTaskStatus_usedOnlyByAComment_isRefused() {
    f.tasks(f.manager).addComment(f.compTask.id(), f.wfa.id(), "");
    f.tasks(f.manager).updateTask(f.task(f.compTask).withTaskStatusId(f.todo.id()));
    assertThat(f.tasks(f.admin).allTasks()).noneMatch(t -> t.taskStatusId().equals(f.wfa.id()));
    violates(() -> f.tasks(f.admin).removeTaskStatus(f.wfa.id()), Rule.IN_USE, f.wfa.id());
  }

  @Test
  void removeTaskStatus_linkedToAProject_isRefused() {
    f.engine.as(f.manager.id()).project().addTaskStatusToProject(f.project, f.closedToArtists.id());
    violates(() -> f.tasks(f.admin).removeTaskStatus(f.closedToArtists.id()), Rule.IN_USE, f.closedToArtists.id(),
        f.project);
  }

  @Test
  void removeTaskStatus_isForAdminsOnly() {
    denied(() -> f.tasks(f.manager).removeTaskStatus(f.closedToArtists.id()), f.manager, "remove_task_status",
        f.closedToArtists.id());
  }

  @Test
  void removeTaskType_linkedToAProject_needsForceWhichDropsTheLinks() {
    TaskType fx = f.tasks(f.admin).newTaskType("FX", "Shot", null);
    f.engine.as(f.manager.id()).project().addTaskTypeToProject(f.project, fx.id());
    violates(() -> f.tasks(f.admin).removeTaskType(fx.id(), false), Rule.IN_USE, fx.id(), f.project);
    f.tasks(f.admin).removeTaskType(fx.id(), true);
    assertThat(f.tasks(f.admin).getTaskTypeByName("FX")).isEmpty();
    assertThat(f.engine.as(f.admin.id()).project().taskTypeLinks(f.project)).noneMatch(l -> l.taskTypeId().equals(fx.id()));
  }

  @Test
  void removeTaskType_usedByATask_carriesTheTaskType() {
    violates(() -> f.tasks(f.admin).removeTaskType(f.compositing.id(), true), Rule.IN_USE, f.compositing.id());
    denied(() -> f.tasks(f.manager).removeTaskType(f.compositing.id(), true), f.manager, "remove_task_type",
        f.compositing.id());
  }

  // ---------------------------------------------------------------- §2.13 todo and related lists

  @Test
  void allTasksToDo_conceptTasksStay() {
    Entity concept = f.engine.as(f.manager.id()).asset().newConcept(f.project, "Hero look", null);
    Task t = f.tasks(f.manager).newTask(concept.id(), conceptType().id(), "main", null, List.of(f.artist.id()));
    assertThat(f.engine.as(f.artist.id()).user().allTasksToDo()).extracting(Task::id)
        .containsExactlyInAnyOrder(f.animTask.id(), t.id());
  }

  @Test
  void allDoneTasks_byEndDateDescending_thenTaskTypeName_thenEntityName() {
    Entity sh005 = f.engine.as(f.manager.id()).shot().newShot(f.project, f.sequence, "SH005", 24, null);
    TaskApi api = f.tasks(f.manager);
    Task early = api.newTask(sh005.id(), f.animation.id());
    for (Task t : List.of(f.compTask, f.modelTask, early)) {
      api.assignTask(t.id(), f.artist.id());
    }
    f.tick();
    api.addComment(f.modelTask.id(), f.wfa.id(), "");
    f.tick();
    for (Task t : List.of(f.compTask, f.animTask, early)) {
      api.addComment(t.id(), f.wfa.id(), "");
    }
    f.tick();
    for (Task t : List.of(f.animTask, f.compTask, f.modelTask, early)) {
      api.addComment(t.id(), f.done.id(), "");
    }
    assertThat(f.engine.as(f.artist.id()).user().allDoneTasks()).extracting(Task::id)
        .as("same end date: Animation SH005, Animation SH010, Compositing SH010; then the older Modeling")
        .containsExactly(early.id(), f.animTask.id(), f.compTask.id(), f.modelTask.id());
    assertThat(f.engine.as(f.artist.id()).user().allTasksToDo()).isEmpty();
  }

  @Test
  void allTasksForPerson_aboutAVendorIsEmpty_andAnAdminSeesEveryOpenProject() {
    f.tasks(f.manager).assignTask(f.compTask.id(), f.vendor.id());
    assertThat(f.engine.as(f.manager.id()).user().allTasksForPerson(f.vendor.id())).isEmpty();
    assertThat(f.engine.as(f.admin.id()).user().allTasksForPerson(f.artist.id())).extracting(Task::id)
        .as("the admin is not in the team").containsExactly(f.animTask.id());
    assertThat(f.engine.as(f.vendor.id()).user().allTasksForPerson(f.vendor.id())).isEmpty();
  }

  @Test
  void allTasksToCheck_supervisorSeesTheTaskTypesOfHisDepartments() {
    Department anim = department("Animation", f.supervisor);
    inDepartment(f.animation, anim);
    f.tasks(f.manager).addComment(f.animTask.id(), f.wfa.id(), "");
    f.tasks(f.manager).addComment(f.compTask.id(), f.wfa.id(), "");
    assertThat(f.engine.as(f.supervisor.id()).user().allTasksToCheck()).extracting(Task::id)
        .containsExactly(f.animTask.id());
    assertThat(f.engine.as(f.manager.id()).user().allTasksToCheck()).extracting(Task::id)
        .containsExactlyInAnyOrder(f.animTask.id(), f.compTask.id());
  }

  @Test
  void allTasksToCheck_managerOutsideTheTeamSeesNothing() {
    Person gus = managerOutsideTheTeam();
    f.tasks(f.manager).addComment(f.animTask.id(), f.wfa.id(), "");
    assertThat(f.engine.as(gus.id()).user().allTasksToCheck()).isEmpty();
  }
}
