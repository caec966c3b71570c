package id.sopan.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The application's tables as the database's own metadata describes them (every table of the connection's schema
 * but Flyway's history, so a table added by a later migration is never left out), in an order where every table
 * comes after the tables it references, plus the Flyway schema version. Names are kept lower-case in the archive
 * (H2 stores them upper-case, PostgreSQL lower-case) and quoted as the database stores them in SQL.
 */
final class DatabaseSchema {

    static final String FLYWAY_TABLE = "flyway_schema_history";

    enum Kind {
        H2("H2"), POSTGRESQL("PostgreSQL"), OTHER("other");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        static Kind of(String productName) {
            String name = productName.toLowerCase(Locale.ROOT);
            return name.contains("h2") ? H2 : name.contains("postgres") ? POSTGRESQL : OTHER;
        }
    }

    record Column(String name, String sqlName, ColumnType type, int jdbcType, boolean nullable, boolean identity) {
    }

    /**
     * @param selfReferences columns referencing the table itself (a jabatan's atasan): restored in a second pass,
     *                       since a row may come before the row it names
     */
    record Table(String name, String sqlName, List<Column> columns, List<String> primaryKey,
                 Set<String> selfReferences, Set<String> parents) {

        Column column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        }

        int index(String name) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    final Kind kind;
    final String productName;
    /** Tables, parents before children. */
    final List<Table> tables;
    /** The version of the last migration applied, e.g. {@code 11}. */
    final String schemaVersion;
    private final String quote;

    private DatabaseSchema(Kind kind, String productName, List<Table> tables, String schemaVersion, String quote) {
        this.kind = kind;
        this.productName = productName;
        this.tables = tables;
        this.schemaVersion = schemaVersion;
        this.quote = quote;
    }

    static DatabaseSchema read(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Kind kind = Kind.of(meta.getDatabaseProductName());
        String quote = meta.getIdentifierQuoteString().strip();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        Map<String, String> sqlNames = new TreeMap<>();
        String flywayTable = null;
        try (ResultSet rs = meta.getTables(catalog, escape(schema, meta), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if (!schema.equals(rs.getString("TABLE_SCHEM"))) {
                    continue;
                }
                String sqlName = rs.getString("TABLE_NAME");
                String name = sqlName.toLowerCase(Locale.ROOT);
                if (name.equals(FLYWAY_TABLE)) {
                    flywayTable = sqlName;
                } else {
                    sqlNames.put(name, sqlName);
                }
            }
        }
        Map<String, Table> byName = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : sqlNames.entrySet()) {
            byName.put(e.getKey(), table(meta, catalog, schema, e.getKey(), e.getValue()));
        }
        String version = flywayTable == null ? null : schemaVersion(connection, quote + flywayTable + quote);
        return new DatabaseSchema(kind, meta.getDatabaseProductName(), inDependencyOrder(byName), version, quote);
    }

    private static String escape(String schema, DatabaseMetaData meta) throws SQLException {
        // The schema argument is a LIKE pattern: an underscore in the name must not match any character.
        String escape = meta.getSearchStringEscape();
        return escape == null || escape.isEmpty() ? schema
                : schema.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static Table table(DatabaseMetaData meta, String catalog, String schema, String name, String sqlName)
            throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(catalog, escape(schema, meta), escapeName(sqlName, meta), "%")) {
            TreeMap<Integer, Column> ordered = new TreeMap<>();
            while (rs.next()) {
                if (!schema.equals(rs.getString("TABLE_SCHEM")) || !sqlName.equals(rs.getString("TABLE_NAME"))) {
                    continue;
                }
                String columnSql = rs.getString("COLUMN_NAME");
                String columnName = columnSql.toLowerCase(Locale.ROOT);
                int jdbcType = rs.getInt("DATA_TYPE");
                String typeName = rs.getString("TYPE_NAME");
                ColumnType type = ColumnType.of(jdbcType, typeName);
                if (type == null) {
                    throw new BackupException("backup.unsupportedType", name + "." + columnName, typeName);
                }
                ordered.put(rs.getInt("ORDINAL_POSITION"), new Column(columnName, columnSql, type, jdbcType,
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
            }
            columns.addAll(ordered.values());
        }
        TreeMap<Integer, String> key = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, sqlName)) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        Set<String> parents = new TreeSet<>();
        Set<String> selfReferences = new TreeSet<>();
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, sqlName)) {
            while (rs.next()) {
                String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                if (parent.equals(name)) {
                    selfReferences.add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                } else {
                    parents.add(parent);
                }
            }
        }
        for (String column : selfReferences) {
            if (columns.stream().noneMatch(c -> c.name().equals(column) && c.nullable())) {
                throw new BackupException("backup.cycle", name);
            }
        }
        // Without a primary key the rows are ordered by all their columns.
        List<String> order = key.isEmpty() ? columns.stream().map(Column::name).toList() : List.copyOf(key.values());
        return new Table(name, sqlName, List.copyOf(columns), order, Set.copyOf(selfReferences), Set.copyOf(parents));
    }

    private static String escapeName(String name, DatabaseMetaData meta) throws SQLException {
        String escape = meta.getSearchStringEscape();
        return escape == null || escape.isEmpty() ? name : name.replace("_", escape + "_").replace("%", escape + "%");
    }

    /** Kahn's order, alphabetical among the tables that are ready, so the same schema always gives the same order. */
    private static List<Table> inDependencyOrder(Map<String, Table> byName) {
        List<Table> ordered = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        TreeSet<String> waiting = new TreeSet<>(byName.keySet());
        while (!waiting.isEmpty()) {
            String ready = waiting.stream()
                    .filter(n -> byName.get(n).parents().stream().allMatch(p -> done.contains(p) || !byName.containsKey(p)))
                    .findFirst().orElse(null);
            if (ready == null) {
                throw new BackupException("backup.cycle", String.join(", ", waiting));
            }
            ordered.add(byName.get(ready));
            done.add(ready);
            waiting.remove(ready);
        }
        return List.copyOf(ordered);
    }

    private static String schemaVersion(Connection connection, String flywayTable) throws SQLException {
        // The last versioned migration applied successfully (repeatable migrations have no version).
        String sql = "SELECT \"version\" FROM " + flywayTable
                + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    Table table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    String quoted(String sqlName) {
        return quote + sqlName + quote;
    }

    /**
     * The rows of a table in their canonical order: by primary key, strings compared by character code on every
     * database (PostgreSQL's collations would otherwise order them as words, H2 compares codes).
     */
    String selectAll(Table t, List<Column> columnOrder) {
        String columns = columnOrder.stream().map(c -> quoted(c.sqlName())).collect(Collectors.joining(", "));
        String order = t.primaryKey().stream().map(t::column)
                .map(c -> quoted(c.sqlName()) + (c.type().isText() && kind == Kind.POSTGRESQL ? " COLLATE \"C\"" : "")
                        + " NULLS FIRST")
                .collect(Collectors.joining(", "));
        return "SELECT " + columns + " FROM " + quoted(t.sqlName()) + " ORDER BY " + order;
    }
}
