package se.esam.lifecycle.system;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.modulith.NamedInterface;

/** Rows of records as CSV (RFC 4180), one column per record component: the reports' and the register's. */
@NamedInterface("text")
public final class Csv {

    private Csv() {}

    public static String of(List<?> rows, Class<?> type) {
        RecordComponent[] columns = type.getRecordComponents();
        StringBuilder csv = new StringBuilder(
                        Arrays.stream(columns).map(RecordComponent::getName).collect(Collectors.joining(",")))
                .append("\r\n");
        for (Object row : rows) {
            csv.append(Arrays.stream(columns)
                            .map(column -> field(value(column, row)))
                            .collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static Object value(RecordComponent column, Object row) {
        try {
            // the rows are the calling module's package-private records, whose accessors this package may not call
            java.lang.reflect.Method accessor = column.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // a spreadsheet would run a cell starting with = + - @ as a formula
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
