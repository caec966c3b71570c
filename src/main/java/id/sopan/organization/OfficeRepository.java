package id.sopan.organization;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The offices (SKPD) served by this installation, keyed by their code. */
@Repository
public class OfficeRepository {

    private static final String UPDATE = """
            UPDATE office
               SET name = :name, pemda = :pemda, address = :address, logo = :logo
             WHERE code = :code
            """;

    private static final String INSERT = """
            INSERT INTO office (code, name, pemda, address, logo, created_at)
            VALUES (:code, :name, :pemda, :address, :logo, :createdAt)
            """;

    private static final String SELECT = """
            SELECT code, name, pemda, address, logo
              FROM office
            """;

    private static final RowMapper<Office> OFFICE = (rs, n) -> new Office(rs.getString("code"), rs.getString("name"),
            rs.getString("pemda"), rs.getString("address"), rs.getString("logo"));

    private final JdbcClient jdbc;
    private final Clock clock;

    public OfficeRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Inserts the office, or updates name, pemda, address and logo of the office with its code.
     *
     * @return true when the office was new
     */
    @Transactional
    public boolean upsert(Office office) {
        // UPDATE first, then INSERT: plain SQL that H2 and PostgreSQL read alike (no MERGE/ON CONFLICT dialects).
        int updated = bind(jdbc.sql(UPDATE), office).update();
        if (updated > 0) {
            return false;
        }
        bind(jdbc.sql(INSERT), office).param("createdAt", OffsetDateTime.now(clock)).update();
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<Office> findByCode(String code) {
        return jdbc.sql(SELECT + " WHERE code = :code").param("code", code).query(OFFICE).optional();
    }

    @Transactional(readOnly = true)
    public List<Office> findAll() {
        return jdbc.sql(SELECT + " ORDER BY code").query(OFFICE).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Office office) {
        return spec.param("code", office.code())
                .param("name", office.name())
                .param("pemda", office.pemda(), Types.VARCHAR)
                .param("address", office.address(), Types.VARCHAR)
                .param("logo", office.logo(), Types.VARCHAR);
    }
}
