package dev.prodtrack.benchmarks.peers;

import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Task;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SQL peer: H2 in-memory or SQLite in-memory (xerial), holding Kitsu's schema (zou's table and column
 * names: {@code project}, {@code project_status}, {@code person}, {@code task_type}, {@code task_status},
 * {@code entity_type}, {@code entity}, {@code task}, {@code assignations}, {@code comment}, {@code
 * time_spent}, {@code news}, {@code notification}) with the indexes of schedule-analytics §10.3: entity,
 * status, task type, assignee (the link table), due date per project, time spent by (person, date) and
 * by date, sequence children.
 *
 * <p>Fairness (§10.3): one long-lived connection, every statement prepared here, autocommit off with one
 * commit per mutation, batched inserts for the load, indexes built after the load, generated keys off
 * for SQLite. UUIDs are H2's {@code UUID} type and 16-byte {@code BLOB}s in SQLite; dates are epoch days
 * and instants epoch milliseconds ({@code BIGINT}) in both, so the same SQL text runs on both; durations
 * are minutes, as in zou.
 *
 * <p>Mutations write what Kitsu writes, without checking any rule: a comment with a status change
 * inserts the comment, updates the task, inserts the news entry and one notification per assignee; a
 * time spent is upserted and the task's duration recomputed as the sum of its rows (zou's rule); a
 * reassignment deletes and inserts the link row and notifies the new assignee.
 *
 * <p>Schedule analytics (issue 5): the project's team ({@code project_person_link}) and task-type
 * priorities ({@code project_task_type_link}) as in zou, and a calendar table {@code working_day} (one
 * row per day over the production's dates, with the count of working days before it: the usual SQL
 * "date dimension", Monday to Friday) so that earned value is two aggregate queries. The workload grid
 * reads the team's open dated tasks overlapping the range with one query and spreads them in Java
 * ({@link PlainSchedule#spread}: per-person days off make a per-day spread in SQL a join with a row per
 * task and day); the critical path reads the project's tasks with one query and runs the plain CPM in
 * Java (neither engine has a reasonable way to run a topological forward/backward pass in SQL: a
 * recursive CTE enumerates paths, not longest paths with a backward pass). The per-person calendar is
 * the one the plain peer builds, made once per peer before timing, as prodtrack's is. H2 runs with
 * {@code OPTIMIZE_REUSE_RESULTS} off: the critical path has a single input, and H2 would otherwise hand
 * back the previous result of a query run again with the same parameters on unchanged tables (the other
 * questions alternate their inputs, so this changes nothing for them).
 */
final class SqlPeer implements Peer {

  /** The two SQL engines. */
  enum Dialect {
    H2 {
      @Override
      Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:peer" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
      }

      @Override
      String uuid() {
        return "UUID";
      }

      @Override
      void bind(PreparedStatement ps, int index, UUID id) throws SQLException {
        ps.setObject(index, id);
      }

      @Override
      UUID read(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
      }
    },
    SQLITE {
      @Override
      Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("jdbc.get_generated_keys", "false");
        return DriverManager.getConnection("jdbc:sqlite::memory:", p);
      }

      @Override
      String uuid() {
        return "BLOB";
      }

      @Override
      void bind(PreparedStatement ps, int index, UUID id) throws SQLException {
        if (id == null) {
          ps.setNull(index, Types.BLOB);
          return;
        }
        byte[] b = new byte[16];
        ByteBuffer.wrap(b).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        ps.setBytes(index, b);
      }

      @Override
      UUID read(ResultSet rs, int column) throws SQLException {
        byte[] b = rs.getBytes(column);
        if (b == null) {
          return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(b);
        return new UUID(buffer.getLong(), buffer.getLong());
      }
    };

    private static final AtomicLong DATABASES = new AtomicLong();

    abstract Connection connect() throws SQLException;

    abstract String uuid();

    abstract void bind(PreparedStatement ps, int index, UUID id) throws SQLException;

    abstract UUID read(ResultSet rs, int column) throws SQLException;
  }

  private static final UUID OPEN = new UUID(0x0bed, 1);
  private static final UUID CLOSED = new UUID(0x0bed, 2);
  private static final int BATCH = 10_000;

  private static final String[] SCHEMA = {
      "CREATE TABLE project_status (id %1$s PRIMARY KEY, name VARCHAR(20) NOT NULL)",
      "CREATE TABLE project (id %1$s PRIMARY KEY, name VARCHAR(80) NOT NULL, project_status_id %1$s NOT NULL,"
          + " start_date BIGINT, end_date BIGINT)",
      "CREATE TABLE project_person_link (project_id %1$s NOT NULL, person_id %1$s NOT NULL,"
          + " PRIMARY KEY (project_id, person_id))",
      "CREATE TABLE project_task_type_link (project_id %1$s NOT NULL, task_type_id %1$s NOT NULL,"
          + " priority INT, PRIMARY KEY (project_id, task_type_id))",
      "CREATE TABLE working_day (epoch_day BIGINT PRIMARY KEY, before_count INT NOT NULL)",
      "CREATE TABLE person (id %1$s PRIMARY KEY, first_name VARCHAR(80), last_name VARCHAR(80), email VARCHAR(80),"
          + " role VARCHAR(30) NOT NULL, active BOOLEAN NOT NULL)",
      "CREATE TABLE task_status (id %1$s PRIMARY KEY, name VARCHAR(40) NOT NULL, short_name VARCHAR(20) NOT NULL,"
          + " is_done BOOLEAN NOT NULL, is_retake BOOLEAN NOT NULL, is_wip BOOLEAN NOT NULL,"
          + " is_feedback_request BOOLEAN NOT NULL)",
      "CREATE TABLE task_type (id %1$s PRIMARY KEY, name VARCHAR(40) NOT NULL, for_entity VARCHAR(30) NOT NULL,"
          + " department_id %1$s, priority INT NOT NULL)",
      "CREATE TABLE entity_type (id %1$s PRIMARY KEY, name VARCHAR(40) NOT NULL)",
      "CREATE TABLE entity (id %1$s PRIMARY KEY, name VARCHAR(160) NOT NULL, project_id %1$s NOT NULL,"
          + " entity_type_id %1$s NOT NULL, parent_id %1$s, canceled BOOLEAN NOT NULL, nb_frames INT)",
      "CREATE TABLE task (id %1$s PRIMARY KEY, name VARCHAR(80) NOT NULL, project_id %1$s NOT NULL,"
          + " task_type_id %1$s NOT NULL, task_status_id %1$s NOT NULL, entity_id %1$s NOT NULL,"
          + " assigner_id %1$s, priority INT NOT NULL, duration BIGINT NOT NULL, estimation BIGINT NOT NULL,"
          + " retake_count INT NOT NULL, start_date BIGINT, due_date BIGINT, real_start_date BIGINT,"
          + " end_date BIGINT, done_date BIGINT, last_comment_date BIGINT)",
      "CREATE TABLE assignations (task %1$s NOT NULL, person %1$s NOT NULL, PRIMARY KEY (task, person))",
      "CREATE TABLE comment (id %1$s PRIMARY KEY, object_id %1$s NOT NULL, object_type VARCHAR(20) NOT NULL,"
          + " task_status_id %1$s, person_id %1$s NOT NULL, text VARCHAR(100000), created_at BIGINT NOT NULL)",
      "CREATE TABLE time_spent (id %1$s PRIMARY KEY, duration BIGINT NOT NULL, date BIGINT NOT NULL,"
          + " task_id %1$s NOT NULL, person_id %1$s NOT NULL)",
      "CREATE TABLE news (id %1$s PRIMARY KEY, project_id %1$s NOT NULL, task_id %1$s, comment_id %1$s,"
          + " author_id %1$s, change BOOLEAN NOT NULL, created_at BIGINT NOT NULL)",
      "CREATE TABLE notification (id %1$s PRIMARY KEY, person_id %1$s NOT NULL, author_id %1$s,"
          + " type VARCHAR(20) NOT NULL, task_id %1$s, comment_id %1$s, read BOOLEAN NOT NULL,"
          + " change BOOLEAN NOT NULL, created_at BIGINT NOT NULL)",
  };

  private static final String[] INDEXES = {
      "CREATE INDEX ix_entity_parent ON entity (parent_id)",
      "CREATE INDEX ix_task_entity ON task (entity_id)",
      "CREATE INDEX ix_task_status ON task (task_status_id)",
      "CREATE INDEX ix_task_type ON task (task_type_id)",
      "CREATE INDEX ix_task_project_due ON task (project_id, due_date)",
      "CREATE INDEX ix_assignations_person ON assignations (person, task)",
      "CREATE INDEX ix_comment_object ON comment (object_id)",
      "CREATE UNIQUE INDEX ix_time_spent_key ON time_spent (task_id, person_id, date)",
      "CREATE INDEX ix_time_spent_person_date ON time_spent (person_id, date)",
      "CREATE INDEX ix_time_spent_date ON time_spent (date, person_id, duration)",
      "CREATE INDEX ix_news_project ON news (project_id)",
      "CREATE INDEX ix_notification_person ON notification (person_id)",
  };

  private final Dialect dialect;
  private final Connection connection;
  private final long loadMillis;
  private final AtomicLong ids = new AtomicLong();

  private final UUID project;
  private final UUID[] shots;
  private final UUID[] sequences;
  private final UUID[] statuses;
  private final UUID[] taskTypes;
  private final UUID[] todoPersons;
  private final long asOf;
  private final long[] lateDays;
  private final long[] monthFroms;
  private final long[] monthTos;
  private final UUID manager;
  private final UUID wip;
  private final UUID wfa;
  private final UUID[] assigned;
  private final UUID[] firstAssignees;
  private final UUID[] reassign;
  private final UUID[] from;
  private final UUID[] to;
  private final LocalDate asOfDay;

  private final PreparedStatement tasksForShot;
  private final PreparedStatement tasksByStatus;
  private final PreparedStatement tasksByStatusAndType;
  private final PreparedStatement todo;
  private final PreparedStatement lateCount;
  private final PreparedStatement lateFirst;
  private final PreparedStatement minutesPerPerson;
  private final PreparedStatement timeline;
  private final PreparedStatement insertComment;
  private final PreparedStatement updateTaskStatus;
  private final PreparedStatement insertNews;
  private final PreparedStatement assigneesOf;
  private final PreparedStatement insertNotification;
  private final PreparedStatement findTimeSpent;
  private final PreparedStatement updateTimeSpent;
  private final PreparedStatement insertTimeSpent;
  private final PreparedStatement updateTaskDuration;
  private final PreparedStatement deleteAssignation;
  private final PreparedStatement insertAssignation;
  private final PreparedStatement taskRow;
  private final PreparedStatement evTasks;
  private final PreparedStatement evSpent;
  private final PreparedStatement team;
  private final PreparedStatement openDated;
  private final PreparedStatement projectTasks;
  private final PreparedStatement typePriorities;
  private final PreparedStatement projectStart;
  private final PlainSchedule.Calendar calendar;
  private final LocalDate[] analyticsDays;

  SqlPeer(Dialect dialect, Snapshot s) {
    this.dialect = dialect;
    project = s.project.id().value();
    shots = s.shots;
    sequences = s.sequences;
    statuses = s.statusInputs;
    taskTypes = s.taskTypesOfStatuses;
    todoPersons = s.todoPersons;
    asOfDay = s.asOf;
    asOf = s.asOf.toEpochDay();
    lateDays = java.util.Arrays.stream(s.lateDays).mapToLong(LocalDate::toEpochDay).toArray();
    monthFroms = java.util.Arrays.stream(s.monthFroms).mapToLong(LocalDate::toEpochDay).toArray();
    monthTos = java.util.Arrays.stream(s.monthTos).mapToLong(LocalDate::toEpochDay).toArray();
    manager = s.manager;
    wip = s.wip;
    wfa = s.wfa;
    assigned = s.assignedTasks;
    firstAssignees = s.firstAssignees;
    reassign = s.reassignTasks;
    from = s.reassignFrom;
    to = s.reassignTo;
    analyticsDays = s.lateDays;
    calendar = new PlainSchedule.Calendar(s);
    try {
      long t0 = System.nanoTime();
      connection = dialect.connect();
      if (dialect == Dialect.H2) {
        try (Statement st = connection.createStatement()) {
          st.execute("SET OPTIMIZE_REUSE_RESULTS FALSE");
        }
      }
      connection.setAutoCommit(false);
      load(s);
      loadMillis = (System.nanoTime() - t0) / 1_000_000;
      tasksForShot = prepare("SELECT id FROM task WHERE entity_id = ?");
      tasksByStatus = prepare("SELECT id FROM task WHERE project_id = ? AND task_status_id = ?");
      tasksByStatusAndType =
          prepare("SELECT id FROM task WHERE project_id = ? AND task_status_id = ? AND task_type_id = ?");
      todo = prepare("SELECT t.id FROM assignations a JOIN task t ON t.id = a.task"
          + " JOIN task_status s ON s.id = t.task_status_id JOIN project p ON p.id = t.project_id"
          + " JOIN project_status ps ON ps.id = p.project_status_id"
          + " WHERE a.person = ? AND s.is_done = FALSE AND ps.name = 'Open'"
          + " ORDER BY t.due_date IS NULL, t.due_date");
      lateCount = prepare("SELECT COUNT(*) FROM task WHERE project_id = ? AND due_date < ? AND done_date IS NULL");
      lateFirst = prepare("SELECT id FROM task WHERE project_id = ? AND due_date < ? AND done_date IS NULL"
          + " ORDER BY due_date, id LIMIT 100");
      minutesPerPerson = prepare("SELECT person_id, SUM(duration) FROM time_spent WHERE date >= ? AND date <= ?"
          + " GROUP BY person_id");
      timeline = prepare("SELECT t.id, t.start_date, t.due_date, t.real_start_date, t.end_date, s.is_done"
          + " FROM entity e JOIN task t ON t.entity_id = e.id JOIN task_status s ON s.id = t.task_status_id"
          + " WHERE e.parent_id = ?");
      insertComment = prepare("INSERT INTO comment (id, object_id, object_type, task_status_id, person_id, text,"
          + " created_at) VALUES (?, ?, 'Task', ?, ?, ?, ?)");
      updateTaskStatus = prepare("UPDATE task SET task_status_id = ?, last_comment_date = ? WHERE id = ?");
      insertNews = prepare("INSERT INTO news (id, project_id, task_id, comment_id, author_id, change, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)");
      assigneesOf = prepare("SELECT person FROM assignations WHERE task = ?");
      insertNotification = prepare("INSERT INTO notification (id, person_id, author_id, type, task_id, comment_id,"
          + " read, change, created_at) VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?)");
      findTimeSpent = prepare("SELECT id FROM time_spent WHERE task_id = ? AND person_id = ? AND date = ?");
      updateTimeSpent = prepare("UPDATE time_spent SET duration = ? WHERE id = ?");
      insertTimeSpent = prepare("INSERT INTO time_spent (id, duration, date, task_id, person_id)"
          + " VALUES (?, ?, ?, ?, ?)");
      updateTaskDuration = prepare("UPDATE task SET duration = (SELECT COALESCE(SUM(duration), 0) FROM time_spent"
          + " WHERE task_id = ?) WHERE id = ?");
      deleteAssignation = prepare("DELETE FROM assignations WHERE task = ? AND person = ?");
      insertAssignation = prepare("INSERT INTO assignations (task, person) VALUES (?, ?)");
      taskRow = prepare("SELECT task_status_id, duration FROM task WHERE id = ?");
      // Working days of [a, b] = before_count(b + 1) - before_count(a).
      evTasks = prepare("SELECT SUM(t.estimation),"
          + " SUM(CASE WHEN t.start_date IS NULL OR t.due_date IS NULL OR ? < t.start_date THEN 0"
          + "   WHEN ? >= t.due_date THEN CAST(t.estimation AS DOUBLE PRECISION)"
          + "   WHEN cd.before_count = cs.before_count THEN 0"
          + "   ELSE CAST(t.estimation AS DOUBLE PRECISION)"
          + "     * ((SELECT w.before_count FROM working_day w WHERE w.epoch_day = ?) - cs.before_count)"
          + "     / (cd.before_count - cs.before_count) END),"
          + " SUM(CASE WHEN s.is_done = TRUE AND t.done_date < ? THEN t.estimation ELSE 0 END),"
          + " SUM(CASE WHEN t.estimation = 0 THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN t.start_date IS NULL OR t.due_date IS NULL THEN 1 ELSE 0 END)"
          + " FROM task t JOIN task_status s ON s.id = t.task_status_id"
          + " LEFT JOIN working_day cs ON cs.epoch_day = t.start_date LEFT JOIN working_day cd ON cd.epoch_day = t.due_date + 1"
          + " WHERE t.project_id = ?");
      evSpent = prepare("SELECT SUM(ts.duration) FROM time_spent ts JOIN task t ON t.id = ts.task_id"
          + " WHERE t.project_id = ? AND ts.date <= ?");
      team = prepare("SELECT person_id FROM project_person_link WHERE project_id = ?");
      openDated = prepare("SELECT a.person, t.start_date, t.due_date, t.estimation, t.duration,"
          + " (SELECT COUNT(*) FROM assignations b WHERE b.task = t.id)"
          + " FROM project_person_link m JOIN assignations a ON a.person = m.person_id"
          + " JOIN task t ON t.id = a.task JOIN task_status s ON s.id = t.task_status_id"
          + " WHERE m.project_id = ? AND t.project_id = ? AND s.is_done = FALSE"
          + " AND t.start_date <= ? AND t.due_date >= ?");
      projectTasks = prepare("SELECT id, entity_id, task_type_id, start_date, due_date, estimation FROM task"
          + " WHERE project_id = ?");
      typePriorities = prepare("SELECT task_type_id, priority FROM project_task_type_link"
          + " WHERE project_id = ? AND priority IS NOT NULL");
      projectStart = prepare("SELECT start_date FROM project WHERE id = ?");
    } catch (SQLException e) {
      throw new IllegalStateException(dialect + ": " + e.getMessage(), e);
    }
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    return connection.prepareStatement(sql);
  }

  /** Milliseconds spent creating the schema, inserting every row and building the indexes. */
  long loadMillis() {
    return loadMillis;
  }

  private void load(Snapshot s) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (String ddl : SCHEMA) {
        st.execute(String.format(ddl, dialect.uuid()));
      }
    }
    connection.commit();
    insert("INSERT INTO project_status (id, name) VALUES (?, ?)", List.of(OPEN, CLOSED), (ps, id) -> {
      dialect.bind(ps, 1, id);
      ps.setString(2, id.equals(OPEN) ? "Open" : "Closed");
    });
    insert("INSERT INTO project (id, name, project_status_id, start_date, end_date) VALUES (?, ?, ?, ?, ?)",
        List.of(s.project), (ps, p) -> {
          dialect.bind(ps, 1, p.id().value());
          ps.setString(2, p.name());
          dialect.bind(ps, 3, p.open() ? OPEN : CLOSED);
          setDay(ps, 4, p.startDate());
          setDay(ps, 5, p.endDate());
        });
    insert("INSERT INTO project_person_link (project_id, person_id) VALUES (?, ?)", s.project.team(), (ps, m) -> {
      dialect.bind(ps, 1, s.project.id().value());
      dialect.bind(ps, 2, m.personId().value());
    });
    insert("INSERT INTO project_task_type_link (project_id, task_type_id, priority) VALUES (?, ?, ?)",
        s.project.taskTypeLinks(), (ps, l) -> {
          dialect.bind(ps, 1, s.project.id().value());
          dialect.bind(ps, 2, l.taskTypeId().value());
          ps.setInt(3, l.priority());
        });
    // The calendar table: every day from a week before the first task date to a week after the last.
    long firstDay = s.asOf.toEpochDay();
    long lastDay = firstDay;
    for (Task t : s.tasks) {
      for (LocalDate d : new LocalDate[] {t.startDate(), t.dueDate()}) {
        if (d != null) {
          firstDay = Math.min(firstDay, d.toEpochDay());
          lastDay = Math.max(lastDay, d.toEpochDay());
        }
      }
    }
    List<long[]> days = new ArrayList<>();
    int before = 0;
    for (long d = firstDay - 7; d <= lastDay + 7; d++) {
      days.add(new long[] {d, before});
      if (calendar.isWorking(LocalDate.ofEpochDay(d))) {
        before++;
      }
    }
    insert("INSERT INTO working_day (epoch_day, before_count) VALUES (?, ?)", days, (ps, d) -> {
      ps.setLong(1, d[0]);
      ps.setInt(2, (int) d[1]);
    });
    insert("INSERT INTO person (id, first_name, last_name, email, role, active) VALUES (?, ?, ?, ?, ?, ?)",
        s.persons, (ps, p) -> {
          dialect.bind(ps, 1, p.id().value());
          ps.setString(2, p.firstName());
          ps.setString(3, p.lastName());
          ps.setString(4, p.email());
          ps.setString(5, p.role().name());
          ps.setBoolean(6, p.active());
        });
    insert("INSERT INTO task_status (id, name, short_name, is_done, is_retake, is_wip, is_feedback_request)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", s.statuses, (ps, t) -> {
          dialect.bind(ps, 1, t.id().value());
          ps.setString(2, t.name());
          ps.setString(3, t.shortName());
          ps.setBoolean(4, t.isDone());
          ps.setBoolean(5, t.isRetake());
          ps.setBoolean(6, t.isWip());
          ps.setBoolean(7, t.isFeedbackRequest());
        });
    insert("INSERT INTO task_type (id, name, for_entity, department_id, priority) VALUES (?, ?, ?, ?, ?)",
        s.taskTypes, (ps, t) -> {
          dialect.bind(ps, 1, t.id().value());
          ps.setString(2, t.name());
          ps.setString(3, t.forEntity());
          dialect.bind(ps, 4, t.departmentId() == null ? null : t.departmentId().value());
          ps.setInt(5, t.priority());
        });
    insert("INSERT INTO entity_type (id, name) VALUES (?, ?)", s.entityTypes, (ps, t) -> {
      dialect.bind(ps, 1, t.id().value());
      ps.setString(2, t.name());
    });
    insert("INSERT INTO entity (id, name, project_id, entity_type_id, parent_id, canceled, nb_frames)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", s.entities, (ps, e) -> {
          dialect.bind(ps, 1, e.id().value());
          ps.setString(2, e.name());
          dialect.bind(ps, 3, e.projectId().value());
          dialect.bind(ps, 4, e.entityTypeId().value());
          dialect.bind(ps, 5, e.parentId() == null ? null : e.parentId().value());
          ps.setBoolean(6, e.canceled());
          setInt(ps, 7, e.nbFrames());
        });
    insert("INSERT INTO task (id, name, project_id, task_type_id, task_status_id, entity_id, assigner_id, priority,"
        + " duration, estimation, retake_count, start_date, due_date, real_start_date, end_date, done_date,"
        + " last_comment_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.tasks, (ps, t) -> {
          dialect.bind(ps, 1, t.id().value());
          ps.setString(2, t.name());
          dialect.bind(ps, 3, t.projectId().value());
          dialect.bind(ps, 4, t.taskTypeId().value());
          dialect.bind(ps, 5, t.taskStatusId().value());
          dialect.bind(ps, 6, t.entityId().value());
          dialect.bind(ps, 7, t.assignerId() == null ? null : t.assignerId().value());
          ps.setInt(8, t.priority());
          ps.setLong(9, t.duration().toMinutes());
          ps.setLong(10, t.estimation().toMinutes());
          ps.setInt(11, t.retakeCount());
          setDay(ps, 12, t.startDate());
          setDay(ps, 13, t.dueDate());
          setInstant(ps, 14, t.realStartDate());
          setInstant(ps, 15, t.endDate());
          setInstant(ps, 16, t.doneDate());
          setInstant(ps, 17, t.lastCommentDate());
        });
    List<UUID[]> links = new ArrayList<>();
    for (Task t : s.tasks) {
      for (PersonId p : t.assignees()) {
        links.add(new UUID[] {t.id().value(), p.value()});
      }
    }
    insert("INSERT INTO assignations (task, person) VALUES (?, ?)", links, (ps, l) -> {
      dialect.bind(ps, 1, l[0]);
      dialect.bind(ps, 2, l[1]);
    });
    insert("INSERT INTO comment (id, object_id, object_type, task_status_id, person_id, text, created_at)"
        + " VALUES (?, ?, 'Task', ?, ?, ?, ?)", s.comments, (ps, c) -> {
          dialect.bind(ps, 1, c.id().value());
          dialect.bind(ps, 2, c.taskId().value());
          dialect.bind(ps, 3, c.taskStatusId() == null ? null : c.taskStatusId().value());
          dialect.bind(ps, 4, c.personId().value());
          ps.setString(5, c.text());
          ps.setLong(6, c.createdAt().toEpochMilli());
        });
    insert("INSERT INTO time_spent (id, duration, date, task_id, person_id) VALUES (?, ?, ?, ?, ?)", s.timeSpents,
        (ps, t) -> {
          dialect.bind(ps, 1, t.id().value());
          ps.setLong(2, t.duration().toMinutes());
          ps.setLong(3, t.date().toEpochDay());
          dialect.bind(ps, 4, t.taskId().value());
          dialect.bind(ps, 5, t.personId().value());
        });
    insert("INSERT INTO news (id, project_id, task_id, comment_id, author_id, change, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", s.news, (ps, n) -> {
          dialect.bind(ps, 1, n.id().value());
          dialect.bind(ps, 2, n.projectId().value());
          dialect.bind(ps, 3, n.taskId() == null ? null : n.taskId().value());
          dialect.bind(ps, 4, n.commentId() == null ? null : n.commentId().value());
          dialect.bind(ps, 5, n.authorId() == null ? null : n.authorId().value());
          ps.setBoolean(6, n.change());
          ps.setLong(7, n.createdAt().toEpochMilli());
        });
    insert("INSERT INTO notification (id, person_id, author_id, type, task_id, comment_id, read, change, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", s.notifications, (ps, n) -> {
          dialect.bind(ps, 1, n.id().value());
          dialect.bind(ps, 2, n.personId().value());
          dialect.bind(ps, 3, n.authorId() == null ? null : n.authorId().value());
          ps.setString(4, n.type().name());
          dialect.bind(ps, 5, n.taskId() == null ? null : n.taskId().value());
          dialect.bind(ps, 6, n.commentId() == null ? null : n.commentId().value());
          ps.setBoolean(7, n.read());
          ps.setBoolean(8, n.change());
          ps.setLong(9, n.createdAt().toEpochMilli());
        });
    try (Statement st = connection.createStatement()) {
      for (String ddl : INDEXES) {
        st.execute(ddl);
      }
      if (dialect == Dialect.SQLITE) {
        st.execute("ANALYZE");
      }
    }
    connection.commit();
  }

  private interface Binder<T> {
    void bind(PreparedStatement ps, T row) throws SQLException;
  }

  private <T> void insert(String sql, List<T> rows, Binder<T> binder) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      int pending = 0;
      for (T row : rows) {
        binder.bind(ps, row);
        ps.addBatch();
        if (++pending == BATCH) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
    connection.commit();
  }

  private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setInt(index, value);
    }
  }

  private static void setDay(PreparedStatement ps, int index, LocalDate day) throws SQLException {
    if (day == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, day.toEpochDay());
    }
  }

  private static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, instant.toEpochMilli());
    }
  }

  private static LocalDate day(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : LocalDate.ofEpochDay(v);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private List<UUID> ids(PreparedStatement ps) throws SQLException {
    List<UUID> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(dialect.read(rs, 1));
      }
    }
    return out;
  }

  private UUID newId() {
    return new UUID(0x5e1f_0000_0000_4000L, 0x8000_0000_0000_0000L | ids.incrementAndGet());
  }

  private static IllegalStateException failed(SQLException e) {
    return new IllegalStateException(e.getMessage(), e);
  }

  @Override
  public String name() {
    return dialect == Dialect.H2 ? "h2" : "sqlite";
  }

  @Override
  public List<UUID> tasksForShot(int i) {
    try {
      dialect.bind(tasksForShot, 1, shots[i]);
      return ids(tasksForShot);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public List<UUID> tasksByStatus(int v) {
    try {
      dialect.bind(tasksByStatus, 1, project);
      dialect.bind(tasksByStatus, 2, statuses[v]);
      return ids(tasksByStatus);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public List<UUID> tasksByStatusAndType(int v) {
    try {
      dialect.bind(tasksByStatusAndType, 1, project);
      dialect.bind(tasksByStatusAndType, 2, statuses[v]);
      dialect.bind(tasksByStatusAndType, 3, taskTypes[v]);
      return ids(tasksByStatusAndType);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public List<UUID> todo(int i) {
    try {
      dialect.bind(todo, 1, todoPersons[i]);
      return ids(todo);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Late late(int v) {
    try {
      dialect.bind(lateCount, 1, project);
      lateCount.setLong(2, lateDays[v]);
      int count;
      try (ResultSet rs = lateCount.executeQuery()) {
        rs.next();
        count = rs.getInt(1);
      }
      dialect.bind(lateFirst, 1, project);
      lateFirst.setLong(2, lateDays[v]);
      return new Late(count, ids(lateFirst));
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Map<UUID, Long> minutesPerPerson(int v) {
    try {
      minutesPerPerson.setLong(1, monthFroms[v]);
      minutesPerPerson.setLong(2, monthTos[v]);
      Map<UUID, Long> out = new HashMap<>();
      try (ResultSet rs = minutesPerPerson.executeQuery()) {
        while (rs.next()) {
          out.put(dialect.read(rs, 1), rs.getLong(2));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public SequenceTimeline timeline(int i) {
    try {
      dialect.bind(timeline, 1, sequences[i]);
      List<Bar> bars = new ArrayList<>();
      try (ResultSet rs = timeline.executeQuery()) {
        while (rs.next()) {
          bars.add(Bar.of(dialect.read(rs, 1), day(rs, 2), day(rs, 3), instant(rs, 4), instant(rs, 5),
              rs.getBoolean(6), asOfDay));
        }
      }
      return SequenceTimeline.of(bars);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Two aggregate queries: the task sums (PV through the calendar table) and the time spent. */
  @Override
  public PlainSchedule.Ev earnedValue(int v) {
    LocalDate day = analyticsDays[v];
    try {
      evTasks.setLong(1, day.toEpochDay());
      evTasks.setLong(2, day.toEpochDay());
      evTasks.setLong(3, day.toEpochDay() + 1);
      evTasks.setLong(4, (day.toEpochDay() + 1) * 86_400_000L);
      dialect.bind(evTasks, 5, project);
      double bac;
      double pv;
      double ev;
      int unestimated;
      int unscheduled;
      try (ResultSet rs = evTasks.executeQuery()) {
        rs.next();
        bac = calendar.days(rs.getLong(1));
        pv = rs.getDouble(2) / 60.0 / calendar.hoursPerDay;
        ev = calendar.days(rs.getLong(3));
        unestimated = rs.getInt(4);
        unscheduled = rs.getInt(5);
      }
      dialect.bind(evSpent, 1, project);
      evSpent.setLong(2, day.toEpochDay());
      double ac;
      try (ResultSet rs = evSpent.executeQuery()) {
        rs.next();
        ac = calendar.days(rs.getLong(1));
      }
      return new PlainSchedule.Ev(bac, pv, ev, ac, unestimated, unscheduled);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** The team, then its open dated tasks overlapping the 90 days (one query), spread in Java. */
  @Override
  public PlainSchedule.Grid workloadGrid(int v) {
    LocalDate from = analyticsDays[v];
    try {
      dialect.bind(team, 1, project);
      List<UUID> people = ids(team);
      Map<UUID, Integer> row = new HashMap<>();
      for (int p = 0; p < people.size(); p++) {
        row.put(people.get(p), p);
      }
      long[][] demand = new long[people.size()][90];
      dialect.bind(openDated, 1, project);
      dialect.bind(openDated, 2, project);
      openDated.setLong(3, from.plusDays(89).toEpochDay());
      openDated.setLong(4, from.toEpochDay());
      try (ResultSet rs = openDated.executeQuery()) {
        while (rs.next()) {
          UUID person = dialect.read(rs, 1);
          PlainSchedule.spread(calendar, person, from, demand[row.get(person)], LocalDate.ofEpochDay(rs.getLong(2)),
              LocalDate.ofEpochDay(rs.getLong(3)), Math.max(rs.getLong(4) - rs.getLong(5), 0), rs.getInt(6));
        }
      }
      return PlainSchedule.grid(calendar, from, people, demand);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** The project's tasks (one query) and its task-type priorities, then the plain CPM in Java. */
  @Override
  public PlainSchedule.Cpm criticalPath() {
    try {
      dialect.bind(typePriorities, 1, project);
      Map<UUID, Integer> priorities = new HashMap<>();
      try (ResultSet rs = typePriorities.executeQuery()) {
        while (rs.next()) {
          priorities.put(dialect.read(rs, 1), rs.getInt(2));
        }
      }
      dialect.bind(projectStart, 1, project);
      LocalDate start;
      try (ResultSet rs = projectStart.executeQuery()) {
        rs.next();
        start = day(rs, 1);
      }
      dialect.bind(projectTasks, 1, project);
      List<PlainSchedule.JobRow> jobs = new ArrayList<>();
      try (ResultSet rs = projectTasks.executeQuery()) {
        while (rs.next()) {
          jobs.add(new PlainSchedule.JobRow(dialect.read(rs, 1), dialect.read(rs, 2), dialect.read(rs, 3),
              day(rs, 4), day(rs, 5), rs.getLong(6)));
        }
      }
      return PlainSchedule.criticalPath(jobs, priorities, start, calendar);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void commentWithStatus(int i, boolean toWip, Instant at) {
    try {
      UUID task = assigned[i];
      UUID comment = newId();
      long millis = at.toEpochMilli();
      dialect.bind(insertComment, 1, comment);
      dialect.bind(insertComment, 2, task);
      dialect.bind(insertComment, 3, toWip ? wip : wfa);
      dialect.bind(insertComment, 4, manager);
      insertComment.setString(5, "");
      insertComment.setLong(6, millis);
      insertComment.executeUpdate();
      dialect.bind(updateTaskStatus, 1, toWip ? wip : wfa);
      updateTaskStatus.setLong(2, millis);
      dialect.bind(updateTaskStatus, 3, task);
      updateTaskStatus.executeUpdate();
      dialect.bind(insertNews, 1, newId());
      dialect.bind(insertNews, 2, project);
      dialect.bind(insertNews, 3, task);
      dialect.bind(insertNews, 4, comment);
      dialect.bind(insertNews, 5, manager);
      insertNews.setBoolean(6, true);
      insertNews.setLong(7, millis);
      insertNews.executeUpdate();
      dialect.bind(assigneesOf, 1, task);
      for (UUID person : ids(assigneesOf)) {
        if (!person.equals(manager)) {
          notify(person, "COMMENT", task, comment, millis);
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private void notify(UUID person, String type, UUID task, UUID comment, long millis) throws SQLException {
    dialect.bind(insertNotification, 1, newId());
    dialect.bind(insertNotification, 2, person);
    dialect.bind(insertNotification, 3, manager);
    insertNotification.setString(4, type);
    dialect.bind(insertNotification, 5, task);
    dialect.bind(insertNotification, 6, comment);
    insertNotification.setBoolean(7, comment != null);
    insertNotification.setLong(8, millis);
    insertNotification.executeUpdate();
  }

  @Override
  public void setTimeSpent(int i, long minutes) {
    try {
      UUID task = assigned[i];
      dialect.bind(findTimeSpent, 1, task);
      dialect.bind(findTimeSpent, 2, firstAssignees[i]);
      findTimeSpent.setLong(3, asOf);
      UUID row = null;
      try (ResultSet rs = findTimeSpent.executeQuery()) {
        if (rs.next()) {
          row = dialect.read(rs, 1);
        }
      }
      if (row != null) {
        updateTimeSpent.setLong(1, minutes);
        dialect.bind(updateTimeSpent, 2, row);
        updateTimeSpent.executeUpdate();
      } else {
        dialect.bind(insertTimeSpent, 1, newId());
        insertTimeSpent.setLong(2, minutes);
        insertTimeSpent.setLong(3, asOf);
        dialect.bind(insertTimeSpent, 4, task);
        dialect.bind(insertTimeSpent, 5, firstAssignees[i]);
        insertTimeSpent.executeUpdate();
      }
      dialect.bind(updateTaskDuration, 1, task);
      dialect.bind(updateTaskDuration, 2, task);
      updateTaskDuration.executeUpdate();
      connection.commit();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void reassign(int i, boolean forward) {
    try {
      UUID task = reassign[i];
      dialect.bind(deleteAssignation, 1, task);
      dialect.bind(deleteAssignation, 2, forward ? from[i] : to[i]);
      deleteAssignation.executeUpdate();
      UUID person = forward ? to[i] : from[i];
      dialect.bind(insertAssignation, 1, task);
      dialect.bind(insertAssignation, 2, person);
      insertAssignation.executeUpdate();
      notify(person, "ASSIGNATION", task, null, 0);
      connection.commit();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public UUID statusOfAssigned(int i) {
    try {
      dialect.bind(taskRow, 1, assigned[i]);
      try (ResultSet rs = taskRow.executeQuery()) {
        rs.next();
        return dialect.read(rs, 1);
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public long durationOfAssigned(int i) {
    try {
      dialect.bind(taskRow, 1, assigned[i]);
      try (ResultSet rs = taskRow.executeQuery()) {
        rs.next();
        return rs.getLong(2);
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public List<UUID> assigneesOfReassigned(int i) {
    try {
      dialect.bind(assigneesOf, 1, reassign[i]);
      return ids(assigneesOf);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** SQLite's database size (page count × page size); H2's in-memory store is on the heap. */
  @Override
  public long offHeapBytes() {
    if (dialect != Dialect.SQLITE) {
      return 0;
    }
    try (Statement st = connection.createStatement()) {
      long pages;
      long size;
      try (ResultSet rs = st.executeQuery("PRAGMA page_count")) {
        rs.next();
        pages = rs.getLong(1);
      }
      try (ResultSet rs = st.executeQuery("PRAGMA page_size")) {
        rs.next();
        size = rs.getLong(1);
      }
      return pages * size;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void close() {
    try {
      if (dialect == Dialect.H2) {
        try (Statement st = connection.createStatement()) {
          st.execute("SHUTDOWN");
        }
      }
      connection.close();
    } catch (SQLException e) {
      throw failed(e);
    }
  }
}
