package dev.prodtrack.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A person of the studio ({@code person}).
 *
 * @param id the id
 * @param firstName the first name
 * @param lastName the last name
 * @param email the e-mail, unique among non-bots; nullable
 * @param role the global role
 * @param active whether the person may log in
 * @param archived whether the person is archived
 * @param position supervisor, lead or artist
 * @param seniority senior, mid or junior
 * @param dailySalary the daily salary, nullable
 * @param contractType the contract type (default "open-ended")
 * @param departments the departments the person belongs to
 * @param bot whether the person is a bot
 * @param lastPresence the last day the person logged new time; nullable
 * @param data free metadata
 * @param createdAt when the row was created
 * @param updatedAt when the row was last updated
 */
public record Person(
    PersonId id,
    String firstName,
    String lastName,
    String email,
    Role role,
    boolean active,
    boolean archived,
    String position,
    String seniority,
    Integer dailySalary,
    String contractType,
    List<DepartmentId> departments,
    boolean bot,
    LocalDate lastPresence,
    Map<String, Object> data,
    Instant createdAt,
    Instant updatedAt) {

  /** Validates the components and copies the collections. */
  public Person {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(seniority, "seniority");
    Objects.requireNonNull(contractType, "contractType");
    departments = List.copyOf(Objects.requireNonNull(departments, "departments"));
    data = Data.copyOf(data);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (firstName.isBlank() && lastName.isBlank()) {
      throw new IllegalArgumentException("a person needs a first or a last name");
    }
  }

  /**
   * Returns a copy with another firstName.
   *
   * @param value the new firstName
   * @return the copy
   */
  public Person withFirstName(String value) {
    return new Person(id, value, lastName, email, role, active, archived, position, seniority, dailySalary, contractType, departments, bot, lastPresence, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another lastName.
   *
   * @param value the new lastName
   * @return the copy
   */
  public Person withLastName(String value) {
    return new Person(id, firstName, value, email, role, active, archived, position, seniority, dailySalary, contractType, departments, bot, lastPresence, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another email.
   *
   * @param value the new email
   * @return the copy
   */
  public Person withEmail(String value) {
    return new Person(id, firstName, lastName, value, role, active, archived, position, seniority, dailySalary, contractType, departments, bot, lastPresence, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another role.
   *
   * @param value the new role
   * @return the copy
   */
  public Person withRole(Role value) {
    return new Person(id, firstName, lastName, email, value, active, archived, position, seniority, dailySalary, contractType, departments, bot, lastPresence, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another active.
   *
   * @param value the new active
   * @return the copy
   */
  public Person withActive(boolean value) {
    return new Person(id, firstName, lastName, email, role, value, archived, position, seniority, dailySalary, contractType, departments, bot, lastPresence, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another archived.
   *
   * @param value the new archived
   * @return the copy
   */
  public Person withArchived(boolean value) {
    return new Person(id, firstName, lastName, email, role, active, value, position, seniority, dailySalary, contractType, departments, bot, lastPresence, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another position.
   *
   * @param value the new position
   * @return the copy
   */
  public Person withPosition(String value) {
    return new Person(id, firstName, lastName, email, role, active, archived, value, seniority, dailySalary, contractType, departments, bot, lastPresence, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another seniority.
   *
   * @param value the new seniority
   * @return the copy
   */
  public Person withSeniority(String value) {
    return new Person(id, firstName, lastName, email, role, active, archived, position, value, dailySalary, contractType, departments, bot, lastPresence, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another dailySalary.
   *
   * @param value the new dailySalary
   * @return the copy
   */
  public Person withDailySalary(Integer value) {
    return new Person(id, firstName, lastName, email, role, active, archived, position, seniority, value, contractType, departments, bot, lastPresence, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another contractType.
   *
   * @param value the new contractType
   * @return the copy
   */
  public Person withContractType(String value) {
    return new Person(id, firstName, lastName, email, role, active, archived, position, seniority, dailySalary, value, departments, bot, lastPresence, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another departments.
   *
   * @param value the new departments
   * @return the copy
   */
  public Person withDepartments(List<DepartmentId> value) {
    return new Person(id, firstName, lastName, email, role, active, archived, position, seniority, dailySalary, contractType, value, bot, lastPresence, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another bot.
   *
   * @param value the new bot
   * @return the copy
   */
  public Person withBot(boolean value) {
    return new Person(id, firstName, lastName, email, role, active, archived, position, seniority, dailySalary, contractType, departments, value, lastPresence, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another lastPresence.
   *
   * @param value the new lastPresence
   * @return the copy
   */
  public Person withLastPresence(LocalDate value) {
    return new Person(id, firstName, lastName, email, role, active, archived, position, seniority, dailySalary, contractType, departments, bot, value, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another data.
   *
   * @param value the new data
   * @return the copy
   */
  public Person withData(Map<String, Object> value) {
    return new Person(id, firstName, lastName, email, role, active, archived, position, seniority, dailySalary, contractType, departments, bot, lastPresence, value, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another createdAt.
   *
   * @param value the new createdAt
   * @return the copy
   */
  public Person withCreatedAt(Instant value) {
    return new Person(id, firstName, lastName, email, role, active, archived, position, seniority, dailySalary, contractType, departments, bot, lastPresence, data, value, updatedAt);
  }

  /**
   * Returns a copy with another updatedAt.
   *
   * @param value the new updatedAt
   * @return the copy
   */
  public Person withUpdatedAt(Instant value) {
    return new Person(id, firstName, lastName, email, role, active, archived, position, seniority, dailySalary, contractType, departments, bot, lastPresence, data, createdAt, value);
  }

  /**
   * Kitsu's full name: "first last".
   *
   * @return the full name
   */
  public String fullName() {
    return (firstName + " " + lastName).strip();
  }
}
