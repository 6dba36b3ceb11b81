package org.qingshan.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;

/**
 * The server's house: features in packages without cycles, a web toolkit that knows no feature, the
 * home page on top, and ingest below the pages so that it can be lifted out (Kafka workers).
 */
@AnalyzeClasses(
    packages = "org.qingshan.server",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String SERVER = "org.qingshan.server.";

  @ArchTest
  static final ArchRule featuresHaveNoCycles =
      slices().matching("org.qingshan.server.(*)..").should().beFreeOfCycles();

  /** Paging, exports, forms, texts and errors: used by every feature, so it may use none. */
  @ArchTest
  static final ArchRule webToolkitKnowsNoFeature =
      noClasses()
          .that()
          .resideInAnyPackage(SERVER + "web..", SERVER + "db..")
          .should()
          .dependOnClassesThat(featuresOtherThan("web", "db"));

  /** Gateway, queue and store announce what they stored; they know no page and no feature. */
  @ArchTest
  static final ArchRule ingestKnowsNoPage =
      noClasses()
          .that()
          .resideInAPackage(SERVER + "ingest..")
          .should()
          .dependOnClassesThat(featuresOtherThan("ingest"))
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework.web..", "org.springframework.ui..", "org.thymeleaf..");

  /** Nothing but the home page (menu, layout, login) builds on the home page. */
  @ArchTest
  static final ArchRule homeIsOnTop =
      noClasses()
          .that()
          .resideOutsideOfPackage(SERVER + "home..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(SERVER + "home..");

  /** Classes of the server's feature packages, but for those named (the root package is shared). */
  private static DescribedPredicate<JavaClass> featuresOtherThan(String... allowed) {
    String[] packages = Stream.of(allowed).map(p -> SERVER + p + "..").toArray(String[]::new);
    return resideInAPackage("org.qingshan.server..")
        .and(not(resideInAPackage("org.qingshan.server")))
        .and(not(resideInAnyPackage(packages)))
        .as("classes of features other than " + String.join(", ", allowed));
  }
}
