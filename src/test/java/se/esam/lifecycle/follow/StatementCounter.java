package se.esam.lifecycle.follow;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the statements the application sends to the database from the counting thread: every
 * {@code execute*} call on a statement (a JDBC batch, however many rows, is one {@code executeBatch}). Wraps the
 * application's DataSource as it is made, so Spring, MyBatis (Camunda's identity queries) and our JdbcClient all
 * go through it. Counts, never times.
 */
final class StatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<AtomicInteger> COUNTING = new ThreadLocal<>();

    /** The statements {@code work} sent from this thread, and its result. */
    record Counted<T>(int statements, T result) {}

    static <T> Counted<T> count(Supplier<T> work) {
        AtomicInteger count = new AtomicInteger();
        COUNTING.set(count);
        try {
            T result = work.get();
            return new Counted<>(count.get(), result);
        } finally {
            COUNTING.remove();
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, dataSource);
        }
        return bean;
    }

    private static Object proxy(Class<?> type, Object target) {
        return Proxy.newProxyInstance(
                StatementCounter.class.getClassLoader(), new Class<?>[] {type}, new Handler(target));
    }

    private record Handler(Object target) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().startsWith("execute") && target instanceof Statement) {
                AtomicInteger count = COUNTING.get();
                if (count != null) {
                    count.incrementAndGet();
                }
            }
            if (method.getName().equals("equals") && args != null && args.length == 1) {
                Object other = args[0];
                if (other != null
                        && Proxy.isProxyClass(other.getClass())
                        && Proxy.getInvocationHandler(other) instanceof Handler handler) {
                    other = handler.target();
                }
                return target.equals(other);
            }
            if (method.getName().equals("unwrap")
                    && args != null
                    && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(target)) {
                return target;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof CallableStatement) {
                return proxy(CallableStatement.class, result);
            }
            if (result instanceof PreparedStatement) {
                return proxy(PreparedStatement.class, result);
            }
            if (result instanceof Statement) {
                return proxy(Statement.class, result);
            }
            if (result instanceof Connection) {
                return proxy(Connection.class, result);
            }
            return result;
        }
    }
}
