package org.qingshan.server.samplefeature;

import static org.qingshan.server.security.Role.LEADER;

import java.util.Map;
import java.util.Optional;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.web.DashboardTile;
import org.qingshan.server.web.DashboardTile.Tile;
import org.qingshan.server.web.MenuEntry;
import org.qingshan.server.web.PageSection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A feature added the way the server README says, with no edit of a shared file: this package, a
 * template and a text bundle. Switched on only by {@code AddingAFeatureTest}.
 */
@Configuration
@ConditionalOnProperty("qingshan.test.sample-feature")
class SampleFeature {
  @Bean
  MenuEntry sampleMenu() {
    return new MenuEntry("sample.menu", "/sample", 95);
  }

  @Bean
  AccessRules sampleRules() {
    return requests -> requests.requestMatchers("/sample/**").hasRole(LEADER.name());
  }

  /** A part of every device page. */
  @Bean
  PageSection sampleDeviceSection() {
    return new PageSection() {
      @Override
      public String page() {
        return DEVICE;
      }

      @Override
      public int order() {
        return 95;
      }

      @Override
      public String fragment() {
        return "sample/section :: device";
      }

      @Override
      public Optional<Map<String, Object>> model(long id) {
        return Optional.of(Map.of("deviceId", id));
      }
    };
  }

  /** A part of every enterprise's page (一企一档). */
  @Bean
  PageSection sampleEnterpriseSection() {
    return new PageSection() {
      @Override
      public String page() {
        return ENTERPRISE;
      }

      @Override
      public int order() {
        return 95;
      }

      @Override
      public String fragment() {
        return "sample/section :: enterprise";
      }

      @Override
      public Optional<Map<String, Object>> model(long id) {
        return Optional.of(Map.of("enterpriseId", id));
      }
    };
  }

  @Bean
  DashboardTile sampleTile() {
    return DashboardTile.of(
        95,
        () -> {
          return Optional.of(Tile.linked("sample.tile", "42", "/sample"));
        });
  }
}
