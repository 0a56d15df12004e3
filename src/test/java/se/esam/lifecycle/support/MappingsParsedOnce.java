package se.esam.lifecycle.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.ibatis.exceptions.ExceptionFactory;
import org.apache.ibatis.executor.ErrorContext;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.TransactionIsolationLevel;
import org.apache.ibatis.session.defaults.DefaultSqlSession;
import org.apache.ibatis.transaction.Transaction;
import org.apache.ibatis.transaction.TransactionFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Test JVMs only: the engine's MyBatis mappings are parsed once per JVM and database type, not once per
 * application context. Parsing them (about fifty XML files, read through the JDK's XPath) was an eighth of
 * the integration tests' CPU, since a JVM starts a dozen contexts or more. The parsed statements are the
 * same for every engine on the same database type and settings; what differs per engine is only where
 * connections come from, so each engine gets a factory of its own that opens sessions on its own data source
 * and transaction factory over the shared statements. (Camunda's own {@code useSharedSqlSessionFactory} shares the
 * whole factory, the first engine's data source with it: every later context would write into the first one's
 * database.) The application outside tests parses once per start,
 * as before: this class and its registration ({@code META-INF/spring.factories}) are on the test classpath
 * only.
 */
final class MappingsParsedOnce extends AbstractProcessEnginePlugin implements Ordered {

    private static final Map<String, Configuration> PARSED = new ConcurrentHashMap<>();

    /** Runs after the starter's own plugins, which set the data source and database type. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl engine) {
        if (engine.getSqlSessionFactory() != null || engine.getDataSource() == null) {
            return;
        }
        if (engine.getDatabaseType() == null) {
            engine.initDatabaseType();
        }
        Configuration parsed = PARSED.get(key(engine));
        if (parsed != null) {
            engine.setSqlSessionFactory(new EngineSessions(parsed, engine));
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl engine) {
        SqlSessionFactory factory = engine.getSqlSessionFactory();
        if (!(factory instanceof EngineSessions)) {
            PARSED.putIfAbsent(key(engine), factory.getConfiguration());
        }
    }

    /** Everything {@code initSqlSessionFactory} reads besides the data source and transaction factory. */
    private static String key(ProcessEngineConfigurationImpl engine) {
        return String.join(
                "|",
                engine.getDatabaseType(),
                String.valueOf(engine.getDatabaseTablePrefix()),
                String.valueOf(engine.getJdbcStatementTimeout()),
                String.valueOf(engine.isJdbcBatchProcessing()));
    }

    /**
     * Sessions over the shared statements on this engine's own connections. The transaction factory is read
     * at each opening: the engine makes it after the plugins' {@code preInit}.
     */
    private record EngineSessions(Configuration statements, ProcessEngineConfigurationImpl engine)
            implements SqlSessionFactory {

        @Override
        public SqlSession openSession() {
            return openSession(statements.getDefaultExecutorType());
        }

        @Override
        public SqlSession openSession(boolean autoCommit) {
            return open(statements.getDefaultExecutorType(), autoCommit, onDataSource(null, autoCommit));
        }

        @Override
        public SqlSession openSession(Connection connection) {
            return openSession(statements.getDefaultExecutorType(), connection);
        }

        @Override
        public SqlSession openSession(TransactionIsolationLevel level) {
            return openSession(statements.getDefaultExecutorType(), level);
        }

        @Override
        public SqlSession openSession(ExecutorType type) {
            return open(type, false, onDataSource(null, false));
        }

        @Override
        public SqlSession openSession(ExecutorType type, boolean autoCommit) {
            return open(type, autoCommit, onDataSource(null, autoCommit));
        }

        @Override
        public SqlSession openSession(ExecutorType type, TransactionIsolationLevel level) {
            return open(type, false, onDataSource(level, false));
        }

        @Override
        public SqlSession openSession(ExecutorType type, Connection connection) {
            boolean autoCommit;
            try {
                autoCommit = connection.getAutoCommit();
            } catch (SQLException e) {
                autoCommit = true;
            }
            return open(type, autoCommit, transactions -> transactions.newTransaction(connection));
        }

        @Override
        public Configuration getConfiguration() {
            return statements;
        }

        private Function<TransactionFactory, Transaction> onDataSource(
                TransactionIsolationLevel level, boolean autoCommit) {
            return transactions -> transactions.newTransaction(engine.getDataSource(), level, autoCommit);
        }

        private SqlSession open(
                ExecutorType type, boolean autoCommit, Function<TransactionFactory, Transaction> transaction) {
            Transaction opened = null;
            try {
                opened = transaction.apply(engine.getTransactionFactory());
                return new DefaultSqlSession(statements, statements.newExecutor(opened, type), autoCommit);
            } catch (Exception e) {
                if (opened != null) {
                    try {
                        opened.close();
                    } catch (SQLException ignored) {
                        // the opening's failure is the one to report
                    }
                }
                throw ExceptionFactory.wrapException("Error opening session.  Cause: " + e, e);
            } finally {
                ErrorContext.instance().reset();
            }
        }
    }

    /** Adds the plugin to every application context a test starts (Camunda's starter collects plugin beans). */
    static final class Registration implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getBeanFactory().registerSingleton("mappingsParsedOnce", new MappingsParsedOnce());
        }
    }
}
