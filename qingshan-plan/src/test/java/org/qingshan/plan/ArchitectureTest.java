package org.qingshan.plan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module follows qingshan-standards and qingshan-hj212: packages without cycles, the root
 * package (the importer's entry) among them, and no framework in it.
 */
@AnalyzeClasses(
    packages = "org.qingshan.plan",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule packagesHaveNoCycles =
      slices().matching("org.qingshan.(plan..)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule subPackagesHaveNoCycles =
      slices().matching("org.qingshan.plan.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule noFramework =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "jakarta..", "javax.servlet..");
}
