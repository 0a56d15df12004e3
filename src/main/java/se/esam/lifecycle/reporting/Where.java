package se.esam.lifecycle.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A where clause with its bound parameters: the filter's period and dimensions, and more conditions. */
record Where(String sql, Object[] params) {

    /** Rows whose month column lies in the filter's period. */
    static Where period(ReportFilter filter, String monthColumn) {
        return dimensions(filter, monthColumn + " between ? and ?", filter.fromMonth(), filter.toMonth());
    }

    /** Rows meeting the condition, narrowed to the filter's group, document and organisation. */
    static Where dimensions(ReportFilter filter, String condition, Object... conditionParams) {
        StringBuilder sql = new StringBuilder(" where ").append(condition);
        List<Object> params = new ArrayList<>(Arrays.asList(conditionParams));
        if (filter.expertGroup() != null) {
            sql.append(" and expert_group = ?");
            params.add(filter.expertGroup());
        }
        if (filter.guidanceId() != null) {
            sql.append(" and guidance_id = ?");
            params.add(filter.guidanceId());
        }
        if (filter.organisation() != null) {
            sql.append(" and submitter_organisation = ?");
            params.add(filter.organisation());
        }
        return new Where(sql.toString(), params.toArray());
    }

    Where and(String condition, Object... conditionParams) {
        Object[] all = Arrays.copyOf(params, params.length + conditionParams.length);
        System.arraycopy(conditionParams, 0, all, params.length, conditionParams.length);
        return new Where(sql + " and " + condition, all);
    }
}
