package id.sopan.security;

import java.util.List;

/** Two nodes on one H2 database (in memory, shared within the JVM). */
class H2LockoutAcrossNodesTest extends LockoutAcrossNodesContract {

    @Override
    List<String> database() {
        return List.of("--spring.datasource.url=jdbc:h2:mem:nodes;DB_CLOSE_DELAY=-1");
    }
}
