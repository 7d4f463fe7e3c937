package dev.prodtrack.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A production ({@code project}): its settings, team and links.
 *
 * <p>Kitsu's project status is modelled by one flag, {@code open} (open iff the Kitsu status is named
 * exactly "Open").
 *
 * @param id the id
 * @param name the name, unique in the studio
 * @param code a short code, nullable
 * @param description a description, nullable
 * @param open whether the project is open (Kitsu status "Open")
 * @param fps frames per second, stored as a string as in Kitsu (default "25")
 * @param ratio the image ratio (default "16:9")
 * @param resolution the resolution (default "1920x1080")
 * @param productionType short, featurefilm or tvshow
 * @param productionStyle 2d, 3d, 2d3d, vfx, ... (default "2d3d")
 * @param startDate the planned start, nullable
 * @param endDate the planned end, nullable
 * @param manDays the budget in days, nullable
 * @param nbEpisodes the number of episodes
 * @param maxRetakes the retake cap of the project's tasks; 0 = no cap
 * @param clientsIsolated whether clients see only their own comments
 * @param botCollaborationEnabled whether bots may log time and be assigned
 * @param team the team, with per-project roles
 * @param taskTypeLinks the task types enabled, with their priority
 * @param taskStatusLinks the task statuses enabled
 * @param assetTypes the asset types enabled
 * @param data free metadata (Kitsu's {@code data})
 * @param createdAt when the row was created
 * @param updatedAt when the row was last updated
 */
public record Project(
    ProjectId id,
    String name,
    String code,
    String description,
    boolean open,
    String fps,
    String ratio,
    String resolution,
    String productionType,
    String productionStyle,
    LocalDate startDate,
    LocalDate endDate,
    Integer manDays,
    int nbEpisodes,
    int maxRetakes,
    boolean clientsIsolated,
    boolean botCollaborationEnabled,
    List<TeamMember> team,
    List<TaskTypeLink> taskTypeLinks,
    List<TaskStatusLink> taskStatusLinks,
    List<EntityTypeId> assetTypes,
    Map<String, Object> data,
    Instant createdAt,
    Instant updatedAt) {

  /** Validates the components and copies the collections. */
  public Project {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fps, "fps");
    Objects.requireNonNull(ratio, "ratio");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(productionType, "productionType");
    Objects.requireNonNull(productionStyle, "productionStyle");
    team = TeamList.copyOf(team);
    taskTypeLinks = List.copyOf(Objects.requireNonNull(taskTypeLinks, "taskTypeLinks"));
    taskStatusLinks = List.copyOf(Objects.requireNonNull(taskStatusLinks, "taskStatusLinks"));
    assetTypes = List.copyOf(Objects.requireNonNull(assetTypes, "assetTypes"));
    data = Data.copyOf(data);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (name.isBlank()) {
      throw new IllegalArgumentException("project name must not be blank");
    }
    if (maxRetakes < 0) {
      throw new IllegalArgumentException("maxRetakes must be >= 0, was " + maxRetakes);
    }
  }

  /**
   * Returns a copy with another name.
   *
   * @param value the new name
   * @return the copy
   */
  public Project withName(String value) {
    return new Project(id, value, code, description, open, fps, ratio, resolution, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another code.
   *
   * @param value the new code
   * @return the copy
   */
  public Project withCode(String value) {
    return new Project(id, name, value, description, open, fps, ratio, resolution, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another description.
   *
   * @param value the new description
   * @return the copy
   */
  public Project withDescription(String value) {
    return new Project(id, name, code, value, open, fps, ratio, resolution, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another open.
   *
   * @param value the new open
   * @return the copy
   */
  public Project withOpen(boolean value) {
    return new Project(id, name, code, description, value, fps, ratio, resolution, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another fps.
   *
   * @param value the new fps
   * @return the copy
   */
  public Project withFps(String value) {
    return new Project(id, name, code, description, open, value, ratio, resolution, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another ratio.
   *
   * @param value the new ratio
   * @return the copy
   */
  public Project withRatio(String value) {
    return new Project(id, name, code, description, open, fps, value, resolution, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another resolution.
   *
   * @param value the new resolution
   * @return the copy
   */
  public Project withResolution(String value) {
    return new Project(id, name, code, description, open, fps, ratio, value, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another productionType.
   *
   * @param value the new productionType
   * @return the copy
   */
  public Project withProductionType(String value) {
    return new Project(id, name, code, description, open, fps, ratio, resolution, value, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another productionStyle.
   *
   * @param value the new productionStyle
   * @return the copy
   */
  public Project withProductionStyle(String value) {
    return new Project(id, name, code, description, open, fps, ratio, resolution, productionType, value, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another startDate.
   *
   * @param value the new startDate
   * @return the copy
   */
  public Project withStartDate(LocalDate value) {
    return new Project(id, name, code, description, open, fps, ratio, resolution, productionType, productionStyle, value, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another endDate.
   *
   * @param value the new endDate
   * @return the copy
   */
  public Project withEndDate(LocalDate value) {
    return new Project(id, name, code, description, open, fps, ratio, resolution, productionType, productionStyle, startDate, value, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another manDays.
   *
   * @param value the new manDays
   * @return the copy
   */
  public Project withManDays(Integer value) {
    return new Project(id, name, code, description, open, fps, ratio, resolution, productionType, productionStyle, startDate, endDate, value, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another nbEpisodes.
   *
   * @param value the new nbEpisodes
   * @return the copy
   */
  public Project withNbEpisodes(int value) {
    return new Project(id, name, code, description, open, fps, ratio, resolution, productionType, productionStyle, startDate, endDate, manDays, value, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another maxRetakes.
   *
   * @param value the new maxRetakes
   * @return the copy
   */
  public Project withMaxRetakes(int value) {
    return new Project(id, name, code, description, open, fps, ratio, resolution, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, value, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another clientsIsolated.
   *
   * @param value the new clientsIsolated
   * @return the copy
   */
  public Project withClientsIsolated(boolean value) {
    return new Project(id, name, code, description, open, fps, ratio, resolution, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, value, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another botCollaborationEnabled.
   *
   * @param value the new botCollaborationEnabled
   * @return the copy
   */
  public Project withBotCollaborationEnabled(boolean value) {
    return new Project(id, name, code, description, open, fps, ratio, resolution, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, value, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another team.
   *
   * @param value the new team
   * @return the copy
   */
  public Project withTeam(List<TeamMember> value) {
    return new Project(id, name, code, description, open, fps, ratio, resolution, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, value, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another taskTypeLinks.
   *
   * @param value the new taskTypeLinks
   * @return the copy
   */
  public Project withTaskTypeLinks(List<TaskTypeLink> value) {
    return new Project(id, name, code, description, open, fps, ratio, resolution, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, value, taskStatusLinks, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another taskStatusLinks.
   *
   * @param value the new taskStatusLinks
   * @return the copy
   */
  public Project withTaskStatusLinks(List<TaskStatusLink> value) {
    return new Project(id, name, code, description, open, fps, ratio, resolution, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, value, assetTypes, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another assetTypes.
   *
   * @param value the new assetTypes
   * @return the copy
   */
  public Project withAssetTypes(List<EntityTypeId> value) {
    return new Project(id, name, code, description, open, fps, ratio, resolution, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, value, data, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another data.
   *
   * @param value the new data
   * @return the copy
   */
  public Project withData(Map<String, Object> value) {
    return new Project(id, name, code, description, open, fps, ratio, resolution, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, value, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another createdAt.
   *
   * @param value the new createdAt
   * @return the copy
   */
  public Project withCreatedAt(Instant value) {
    return new Project(id, name, code, description, open, fps, ratio, resolution, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, value, updatedAt);
  }

  /**
   * Returns a copy with another updatedAt.
   *
   * @param value the new updatedAt
   * @return the copy
   */
  public Project withUpdatedAt(Instant value) {
    return new Project(id, name, code, description, open, fps, ratio, resolution, productionType, productionStyle, startDate, endDate, manDays, nbEpisodes, maxRetakes, clientsIsolated, botCollaborationEnabled, team, taskTypeLinks, taskStatusLinks, assetTypes, data, createdAt, value);
  }

  /**
   * The team link of a person, if the person is in the team.
   *
   * @param person the person
   * @return the team member, or empty
   */
  public java.util.Optional<TeamMember> member(PersonId person) {
    return java.util.Optional.ofNullable(((TeamList) team).find(person));
  }

  /**
   * The priority of a task type in this project's pipeline.
   *
   * @param taskType the task type
   * @return its link priority, or empty when the task type is not enabled in the project
   */
  public java.util.OptionalInt taskTypePriority(TaskTypeId taskType) {
    for (TaskTypeLink l : taskTypeLinks) {
      if (l.taskTypeId().equals(taskType)) {
        return java.util.OptionalInt.of(l.priority());
      }
    }
    return java.util.OptionalInt.empty();
  }
}
