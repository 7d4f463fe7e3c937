package dev.prodtrack;

import dev.prodtrack.event.EventNames;
import dev.prodtrack.model.DayOff;
import dev.prodtrack.model.DayOffId;
import dev.prodtrack.model.Department;
import dev.prodtrack.model.DepartmentId;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * People, departments and days off: gazu's {@code person} module. Obtained from {@link Session#person()}.
 *
 * <p>Creating people and departments and changing roles is for admins, as in Kitsu. Thread-safe.
 */
public final class PersonApi {
  private final ProdTrack engine;
  private final PersonId actor;

  PersonApi(ProdTrack engine, PersonId actor) {
    this.engine = engine;
    this.actor = actor;
  }

  static Person newPersonRecord(Tx tx, String firstName, String lastName, String email, Role role) {
    return new Person(new PersonId(tx.newId()), firstName, lastName, email, role, true, false, "artist", "mid",
        null, "open-ended", List.of(), false, null, Map.of(), tx.now, tx.now);
  }

  /**
   * Creates a person (gazu {@code new_person}). Admins only.
   *
   * @param firstName the first name
   * @param lastName the last name
   * @param email the e-mail, unique among non-bots; nullable
   * @param role the global role
   * @return the new person, active
   * @throws PermissionDeniedException if the caller is not an admin
   * @throws RuleViolationException with rule {@code DUPLICATE_NAME} if the e-mail is taken
   */
  public Person newPerson(String firstName, String lastName, String email, Role role) {
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(role, "role");
    return engine.write(actor, tx -> {
      Access.requireAdmin(tx.person(actor), "new_person", null);
      if (email != null) {
        for (Person p : tx.state.persons.values()) {
          if (email.equalsIgnoreCase(p.email()) && !p.bot()) {
            throw new RuleViolationException(RuleViolationException.Rule.DUPLICATE_NAME,
                "e-mail '" + email + "' is already used by person " + p.id(), p.id());
          }
        }
      }
      Person p = newPersonRecord(tx, firstName, lastName, email, role);
      tx.put(p.id(), p);
      tx.event(EventNames.PERSON_NEW, null, "person_id", p.id());
      return p;
    });
  }

  /**
   * Replaces a person's editable fields (names, e-mail, role, active, position, seniority, salary,
   * contract, departments, data). Admins only.
   *
   * @param person the person with the new values; its id names the person to update
   * @return the stored person
   * @throws UnknownIdException if the person or a department does not exist
   * @throws PermissionDeniedException if the caller is not an admin
   */
  public Person updatePerson(Person person) {
    Objects.requireNonNull(person, "person");
    return engine.write(actor, tx -> {
      Access.requireAdmin(tx.person(actor), "update_person", person.id());
      Person old = tx.person(person.id());
      for (DepartmentId d : person.departments()) {
        tx.require("department", d);
      }
      Person updated = person.withCreatedAt(old.createdAt()).withUpdatedAt(tx.now).withLastPresence(old.lastPresence());
      tx.put(updated.id(), updated);
      tx.event(EventNames.PERSON_UPDATE, null, "person_id", updated.id());
      return updated;
    });
  }

  /**
   * A person by id.
   *
   * @param id the id
   * @return the person
   * @throws UnknownIdException if absent
   */
  public Person getPerson(PersonId id) {
    Objects.requireNonNull(id, "id");
    return engine.read(s -> {
      Person p = s.persons.get(id);
      if (p == null) {
        throw new UnknownIdException("person", id);
      }
      return p;
    });
  }

  /**
   * A person by full name ("first last"), case-insensitive (gazu {@code get_person_by_full_name}).
   *
   * @param fullName the full name
   * @return the first match, if any
   */
  public Optional<Person> getPersonByFullName(String fullName) {
    Objects.requireNonNull(fullName, "fullName");
    return engine.read(s -> s.persons.values().stream()
        .filter(p -> p.fullName().equalsIgnoreCase(fullName.strip()))
        .min(Comparator.comparing(Person::createdAt)));
  }

  /**
   * Every person, sorted by full name (gazu {@code all_persons}).
   *
   * @return the people
   */
  public List<Person> allPersons() {
    return engine.read(s -> sorted(new ArrayList<>(s.persons.values()), Comparator.comparing(Person::fullName)));
  }

  /**
   * Creates a department. Admins only.
   *
   * @param name the name, unique
   * @param color the colour, {@code #RRGGBB}
   * @return the department
   * @throws RuleViolationException with rule {@code DUPLICATE_NAME} if the name is taken
   */
  public Department newDepartment(String name, String color) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(color, "color");
    return engine.write(actor, tx -> {
      Access.requireAdmin(tx.person(actor), "new_department", null);
      DepartmentId existing = tx.state.departmentByName.get(name);
      if (existing != null) {
        throw new RuleViolationException(RuleViolationException.Rule.DUPLICATE_NAME,
            "department name '" + name + "' is already used by " + existing, existing);
      }
      Department d = new Department(new DepartmentId(tx.newId()), name, color, false);
      tx.put(d.id(), d);
      tx.event(EventNames.DEPARTMENT_NEW, null, "department_id", d.id());
      return d;
    });
  }

  /**
   * Every department, sorted by name.
   *
   * @return the departments
   */
  public List<Department> allDepartments() {
    return engine.read(s -> sorted(new ArrayList<>(s.departments.values()), Comparator.comparing(Department::name)));
  }

  /**
   * Adds a person to a department (idempotent). Admins only.
   *
   * @param person the person
   * @param department the department
   * @return the updated person
   */
  public Person addToDepartment(PersonId person, DepartmentId department) {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(department, "department");
    return engine.write(actor, tx -> {
      Access.requireAdmin(tx.person(actor), "add_person_to_department", person);
      Person p = tx.person(person);
      tx.require("department", department);
      if (p.departments().contains(department)) {
        return p;
      }
      List<DepartmentId> ds = new ArrayList<>(p.departments());
      ds.add(department);
      Person updated = p.withDepartments(ds).withUpdatedAt(tx.now);
      tx.put(updated.id(), updated);
      tx.event(EventNames.PERSON_UPDATE, null, "person_id", person);
      return updated;
    });
  }

  /**
   * Records a range of days off for a person. The person, an admin or a global manager may.
   *
   * @param person the person
   * @param from the first day off
   * @param to the last day off, on or after {@code from}
   * @param description why, nullable
   * @return the day-off record
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   * @throws RuleViolationException with rule {@code DUPLICATE_NAME} if the person already has a day off
   *     starting that day (Kitsu's unique (person, date))
   */
  public DayOff newDayOff(PersonId person, LocalDate from, LocalDate to, String description) {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("day off ends (" + to + ") before it starts (" + from + ")");
    }
    return engine.write(actor, tx -> {
      Person caller = tx.person(actor);
      tx.person(person);
      if (!caller.id().equals(person) && !Access.hasGlobalManagerRole(caller)) {
        throw new PermissionDeniedException(actor, "new_day_off", person,
            "only the person, an admin or a manager may record days off");
      }
      for (DayOffId id : tx.state.daysOffByPerson.get(person)) {
        DayOff d = tx.state.daysOff.get(id);
        if (d.date().equals(from)) {
          throw new RuleViolationException(RuleViolationException.Rule.DUPLICATE_NAME,
              "person " + person + " already has a day off starting " + from, person, d.id());
        }
      }
      DayOff d = new DayOff(new DayOffId(tx.newId()), person, from, to, description);
      tx.put(d.id(), d);
      tx.event(EventNames.DAY_OFF_NEW, null, "day_off_id", d.id(), "person_id", person);
      return d;
    });
  }

  /**
   * A person's days off, by start date.
   *
   * @param person the person
   * @return the ranges
   */
  public List<DayOff> allDaysOff(PersonId person) {
    Objects.requireNonNull(person, "person");
    return engine.read(s -> {
      List<DayOff> out = new ArrayList<>();
      s.daysOffByPerson.get(person).forEach(id -> out.add(s.daysOff.get(id)));
      out.sort(Comparator.comparing(DayOff::date));
      return out;
    });
  }

  static <T> List<T> sorted(List<T> list, Comparator<? super T> order) {
    list.sort(order);
    return List.copyOf(list);
  }
}
