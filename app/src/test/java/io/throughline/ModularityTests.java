package io.throughline;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules keep to their declared dependencies; their documentation is written from the code. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ThroughlineApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writeModuleDocumentation() {
        String docs = System.getProperty("throughline.docs-dir", "../docs");
        new Documenter(MODULES, Documenter.Options.defaults()
                .withOutputFolder(Path.of(docs, "modules").toString()))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml()
                .writeModulesAsPlantUml();
    }
}
