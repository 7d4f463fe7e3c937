package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.model.EntityKind;
import dev.prodtrack.model.EntityType;
import org.junit.jupiter.api.Test;

class EntityApiTest {
  private final Fixture f = new Fixture();

  @Test
  void getEntity_anyKindWithReadAccess() {
    EntityApi api = f.engine.as(f.artist.id()).entity();
    assertThat(api.getEntity(f.shot).name()).isEqualTo("SH010");
    assertThat(api.kindOf(f.shot)).isEqualTo(EntityKind.SHOT);
    assertThat(api.kindOf(f.asset)).isEqualTo(EntityKind.ASSET);
    assertThat(api.kindOf(f.sequence)).isEqualTo(EntityKind.SEQUENCE);
    assertThatThrownBy(() -> f.engine.as(f.outsider.id()).entity().getEntity(f.shot))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> api.getEntity(new dev.prodtrack.model.EntityId(java.util.UUID.randomUUID())))
        .isInstanceOf(UnknownIdException.class);
    assertThat(api.allEntityTypes()).extracting(EntityType::name).containsExactly("Props", "Sequence", "Shot");
  }
}
