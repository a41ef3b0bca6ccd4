package org.qvd.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A real PostgreSQL started from Maven artifacts. Its data directory survives restarts: initdb runs only when the
 * directory is new. No connection is trusted: initdb's "trust" is replaced at every start by scram-sha-256 for every
 * local and loopback connection, with passwords generated on the first run and kept (owner-readable only) in
 * {@code QVD_HOME/db.properties}: the superuser {@code postgres} (for the operator), and the application's own role
 * {@code qvd} (no superuser, no CREATEDB/CREATEROLE) which owns the database {@code qvd} and its schema, so the
 * VMAS's Flyway migrations run as that owner.
 */
final class EmbeddedDatabase implements AutoCloseable {
    static final String DATABASE = "qvd";
    static final String SUPERUSER = "postgres";
    static final String APP_ROLE = "qvd";

    private final EmbeddedPostgres postgres;
    private final int port;
    private final DbSecrets secrets;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port, DbSecrets secrets) {
        this.postgres = postgres;
        this.port = port;
        this.secrets = secrets;
    }

    static EmbeddedDatabase start(Path dataDirectory, int port, Path secretsFile) {
        try {
            Files.createDirectories(dataDirectory);
            DbSecrets secrets = DbSecrets.load(secretsFile);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // its readiness probe logs in as the superuser: with the password once pg_hba.conf asks for one
                    .setConnectConfig("password", secrets.superuserPassword())
                    .setRegisterShutdownHook(false)
                    // a busy machine (CI, parallel builds) may need far more than the default 10 s
                    .setPGStartupWait(java.time.Duration.ofSeconds(90))
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, port, secrets);
            try {
                database.secure(dataDirectory);
            } catch (IOException | RuntimeException e) {
                database.close();
                throw e;
            }
            return database;
        } catch (IOException e) {
            throw new LauncherException(
                    "embedded PostgreSQL did not start in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /**
     * Sets the passwords, makes the application's role own its database and schema (also the tables of a data
     * directory from before, owned by the superuser), then requires a password from every connection. The first
     * connection may still be trusted (a new data directory, or one from before); the ones after are not.
     */
    private void secure(Path dataDirectory) throws IOException {
        try (Connection c = connect("postgres", SUPERUSER, secrets.superuserPassword());
                Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + SUPERUSER + " WITH PASSWORD " + literal(secrets.superuserPassword()));
            boolean roleExists = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "'")
                    .next();
            s.execute((roleExists ? "ALTER" : "CREATE") + " ROLE " + APP_ROLE
                    + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD "
                    + literal(secrets.appPassword()));
            boolean dbExists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")
                    .next();
            if (!dbExists) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + APP_ROLE);
            } else {
                s.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + APP_ROLE);
            }
        } catch (SQLException e) {
            throw new IOException(
                    "cannot set up the database roles (" + e.getMessage() + "); if " + secrets.file()
                            + " was lost, the superuser password is unknown",
                    e);
        }
        try (Connection c = connect(DATABASE, SUPERUSER, secrets.superuserPassword());
                Statement s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + APP_ROLE);
            s.execute(TRANSFER_OWNERSHIP);
        } catch (SQLException e) {
            throw new IOException(
                    "cannot give database " + DATABASE + " to role " + APP_ROLE + ": " + e.getMessage(), e);
        }
        Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                # Written by qvd-launcher at every start: no connection is trusted, every one needs a password.
                # The passwords are in QVD_HOME/db.properties (mode 0600).
                local   all   all                 scram-sha-256
                host    all   all   127.0.0.1/32  scram-sha-256
                host    all   all   ::1/128       scram-sha-256
                """);
        try (Connection c = connect("postgres", SUPERUSER, secrets.superuserPassword());
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("cannot reload pg_hba.conf: " + e.getMessage(), e);
        }
    }

    /** Tables, views, sequences, types and functions of schema public not yet owned by the application's role. */
    private static final String TRANSFER_OWNERSHIP = """
            DO $$
            DECLARE r record;
            BEGIN
              FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                         AND pg_get_userbyid(c.relowner) <> 'qvd' LOOP
                EXECUTE format('ALTER %s public.%I OWNER TO qvd', CASE r.relkind WHEN 'v' THEN 'VIEW'
                  WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.relname);
              END LOOP;
              -- sequences owned by a column moved with their table; the others now
              FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> 'qvd' LOOP
                EXECUTE format('ALTER SEQUENCE public.%I OWNER TO qvd', r.relname);
              END LOOP;
              FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                       WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') AND pg_get_userbyid(t.typowner) <> 'qvd' LOOP
                EXECUTE format('ALTER TYPE public.%I OWNER TO qvd', r.typname);
              END LOOP;
              FOR r IN SELECT p.oid::regprocedure AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                       WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> 'qvd' LOOP
                EXECUTE format('ALTER ROUTINE %s OWNER TO qvd', r.sig);
              END LOOP;
            END $$""";

    private Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, user, password);
    }

    /** A string literal for the generated passwords (letters and digits only, but never trust that). */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    /** The embedded database's passwords, generated once, kept in {@code QVD_HOME/db.properties} (mode 0600). */
    record DbSecrets(Path file, String superuserPassword, String appPassword) {
        static DbSecrets load(Path file) throws IOException {
            Properties p = HkdAccount.load(file);
            boolean changed = false;
            for (String key : new String[] {"superuser.password", "app.password"}) {
                if (p.getProperty(key, "").isBlank()) {
                    p.setProperty(key, SuperadminPassword.generate(32));
                    changed = true;
                }
            }
            if (changed) {
                p.setProperty("superuser", SUPERUSER);
                p.setProperty("app.user", APP_ROLE);
                HkdAccount.store(file, p, "embedded PostgreSQL of ./qvd run (generated; secret)");
            }
            return new DbSecrets(file, p.getProperty("superuser.password"), p.getProperty("app.password"));
        }

        static DbSecrets loadQuietly(Path file) {
            try {
                return load(file);
            } catch (IOException e) {
                throw new LauncherException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
