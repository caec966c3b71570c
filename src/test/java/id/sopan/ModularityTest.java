package id.sopan;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Component;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The packages are modules: dependencies point one way, only a module's root package is used by others,
 * and the core (the SOP model, the importer, the engine, the flowchart and the calendar's arithmetic) stays plain
 * Java, free of Spring and JDBC.
 */
class ModularityTest {

    @Test
    void modulesDependOneWayOnPublicApisOnly() {
        ApplicationModules.of(SopanApplication.class).verify();
    }

    @Test
    void theCoreIsPlainJava() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.sopan");
        noClasses().that().resideInAnyPackage("id.sopan.sop..", "id.sopan.importer..", "id.sopan.engine..",
                        "id.sopan.flowchart..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..")
                .because("the SOP model, the importer, the engine and the flowchart must run anywhere, without a"
                        + " framework or a database")
                .check(classes);
        noClasses().that().resideInAPackage("id.sopan.sop..")
                .should().dependOnClassesThat().resideInAnyPackage("id.sopan.catalog..", "id.sopan.importer..",
                        "id.sopan.cli..", "id.sopan.organization..", "id.sopan.flowchart..")
                .because("everything reads the SOP model; the model reads nothing")
                .check(classes);
        // The flowchart is geometry over the SOP model: the web page and the PDF draw it, it reads nothing else.
        noClasses().that().resideInAPackage("id.sopan.flowchart..")
                .should().dependOnClassesThat().resideInAnyPackage("id.sopan.catalog..", "id.sopan.importer..",
                        "id.sopan.engine..", "id.sopan.casework..", "id.sopan.organization..", "id.sopan.calendar..",
                        "id.sopan.web..", "id.sopan.api..", "id.sopan.cli..", "id.sopan.security..",
                        "id.sopan.simulation..", "tools.jackson..", "org.apache.poi..")
                .because("one drawing of the SOP for every medium, made from the SOP model alone")
                .check(classes);
        // The calendar's core (WorkingCalendar, Holiday, OfficePeriod, HolidayFile) shares its package with the
        // Spring components that store it (CalendarService, CalendarRepository, CalendarSeeder): everything else
        // there stays plain Java.
        noClasses().that().resideInAPackage("id.sopan.calendar..")
                .and().areNotMetaAnnotatedWith(Component.class)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..")
                .because("working time is pure arithmetic on a calendar: no framework, no database")
                .check(classes);
        noClasses().that().resideInAnyPackage("id.sopan.calendar..")
                .and().areNotMetaAnnotatedWith(Component.class)
                .should().dependOnClassesThat().resideInAnyPackage("id.sopan.catalog..", "id.sopan.importer..",
                        "id.sopan.cli..", "id.sopan.organization..", "id.sopan.web..")
                .because("the calendar's core reads only the SOP model (a step's StandardTime)")
                .check(classes);
    }
}
