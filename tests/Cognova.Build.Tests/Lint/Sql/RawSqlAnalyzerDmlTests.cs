using Cognova.Engine.Lint.Sql;

namespace Cognova.Build.Tests.Lint.Sql;

public sealed class RawSqlAnalyzerDmlTests
{
    [Fact]
    public void Flags_a_delete_without_where()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("DELETE FROM audit_log;"));

        Assert.Equal(RawSqlHazardKind.DeleteWithoutWhere, hazard.Kind);
        Assert.Equal("audit_log", hazard.Target);
        Assert.Equal("DELETE FROM audit_log without WHERE", hazard.Summary);
        Assert.Equal("DELETE FROM audit_log", hazard.Statement.Text);
    }

    [Fact]
    public void Accepts_a_delete_with_where()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("DELETE FROM audit_log WHERE created < now() - interval '1 year'"));
    }

    [Fact]
    public void Accepts_a_delete_using_another_table_with_where()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("DELETE FROM orders o USING customers c WHERE o.customer_id = c.id AND c.deleted"));
    }

    [Fact]
    public void Flags_a_delete_using_another_table_without_where()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("DELETE FROM orders USING customers"));

        Assert.Equal(RawSqlHazardKind.DeleteWithoutWhere, hazard.Kind);
    }

    [Fact]
    public void Flags_a_delete_whose_only_where_is_in_a_subquery()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze(
            "DELETE FROM orders RETURNING (SELECT max(id) FROM archive WHERE archive.id > 0)"));

        Assert.Equal(RawSqlHazardKind.DeleteWithoutWhere, hazard.Kind);
        Assert.Equal("orders", hazard.Target);
    }

    [Fact]
    public void Flags_a_delete_whose_only_where_is_in_a_using_subquery()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze(
            "DELETE FROM orders USING (SELECT id FROM customers WHERE deleted) AS gone"));

        Assert.Equal(RawSqlHazardKind.DeleteWithoutWhere, hazard.Kind);
    }

    [Fact]
    public void Accepts_a_delete_where_current_of_a_cursor()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("DELETE FROM orders WHERE CURRENT OF order_cursor"));
    }

    [Fact]
    public void Accepts_a_delete_whose_where_holds_a_subquery()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("DELETE FROM orders WHERE id IN (SELECT order_id FROM refunds)"));
    }

    [Fact]
    public void Reads_the_target_of_a_delete_from_only_with_an_alias()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("DELETE FROM ONLY public.orders AS o"));

        Assert.Equal("public.orders", hazard.Target);
    }

    [Fact]
    public void Removes_the_quotes_of_a_quoted_target()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("DELETE FROM \"user\""));

        Assert.Equal("user", hazard.Target);
        Assert.Equal("DELETE FROM user without WHERE", hazard.Summary);
    }

    [Fact]
    public void Keeps_the_schema_of_a_quoted_qualified_target()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("DELETE FROM \"Sales\".\"Order \"\"Items\"\"\""));

        Assert.Equal("Sales.Order \"Items\"", hazard.Target);
    }

    [Fact]
    public void Reads_keywords_in_any_case()
    {
        var hazards = RawSqlAnalyzer.Analyze("dElEtE fRoM Orders; Update orders sEt x = 1; delete from t Where id = 1");

        Assert.Equal([RawSqlHazardKind.DeleteWithoutWhere, RawSqlHazardKind.UpdateWithoutWhere], hazards.Select(h => h.Kind));
        Assert.Equal("Orders", hazards[0].Target);
    }

    [Fact]
    public void Skips_comments_between_keywords()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("DELETE /* every row */ FROM -- really\n sessions"));

        Assert.Equal("sessions", hazard.Target);
    }

    [Fact]
    public void Does_not_count_a_where_inside_a_comment()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("DELETE FROM sessions -- WHERE expired\n"));

        Assert.Equal(RawSqlHazardKind.DeleteWithoutWhere, hazard.Kind);
    }

    [Fact]
    public void Does_not_count_a_where_inside_a_string()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("DELETE FROM sessions RETURNING 'WHERE'"));

        Assert.Equal(RawSqlHazardKind.DeleteWithoutWhere, hazard.Kind);
    }

    [Fact]
    public void Flags_an_update_without_where()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("UPDATE products SET price = price * 2"));

        Assert.Equal(RawSqlHazardKind.UpdateWithoutWhere, hazard.Kind);
        Assert.Equal("products", hazard.Target);
        Assert.Equal("UPDATE products without WHERE", hazard.Summary);
    }

    [Fact]
    public void Accepts_an_update_with_where()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("UPDATE products SET price = 0 WHERE discontinued"));
    }

    [Fact]
    public void Accepts_an_update_from_another_table_with_where()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("UPDATE products p SET price = n.price FROM new_prices n WHERE n.id = p.id"));
    }

    [Fact]
    public void Flags_an_update_whose_only_where_is_in_a_subquery()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze(
            "UPDATE products SET price = (SELECT avg(price) FROM products WHERE price > 0)"));

        Assert.Equal(RawSqlHazardKind.UpdateWithoutWhere, hazard.Kind);
    }

    [Fact]
    public void Reads_the_target_of_an_update_of_only_a_table()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("UPDATE ONLY \"Products\" * SET price = 1"));

        Assert.Equal("Products", hazard.Target);
    }

    [Fact]
    public void Accepts_an_update_where_current_of_a_cursor()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("UPDATE products SET price = 1 WHERE CURRENT OF c"));
    }

    [Fact]
    public void Does_not_take_an_upsert_for_an_update()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze(
            "INSERT INTO counters (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = counters.n + 1"));
    }

    [Fact]
    public void Judges_the_delete_after_a_with_clause()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze(
            "WITH old AS (SELECT id FROM orders WHERE created < '2020-01-01') DELETE FROM order_lines"));

        Assert.Equal(RawSqlHazardKind.DeleteWithoutWhere, hazard.Kind);
        Assert.Equal("order_lines", hazard.Target);
    }

    [Fact]
    public void Accepts_a_delete_with_where_after_a_with_clause()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze(
            "WITH old AS (SELECT id FROM orders WHERE created < '2020-01-01') DELETE FROM order_lines WHERE order_id IN (SELECT id FROM old)"));
    }

    [Fact]
    public void Judges_the_update_after_several_recursive_common_table_expressions()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("""
            WITH RECURSIVE tree (id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM tree WHERE id < 5),
                 flags AS MATERIALIZED (SELECT true AS f)
            UPDATE nodes SET visited = true
            """));

        Assert.Equal(RawSqlHazardKind.UpdateWithoutWhere, hazard.Kind);
        Assert.Equal("nodes", hazard.Target);
    }

    [Fact]
    public void Reads_past_search_and_cycle_clauses()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("""
            WITH RECURSIVE t AS (SELECT 1 AS id) SEARCH DEPTH FIRST BY id SET ord,
                 u AS (SELECT 1 AS id) CYCLE id SET is_cycle USING path
            DELETE FROM graph
            """));

        Assert.Equal("graph", hazard.Target);
    }

    [Fact]
    public void Flags_a_delete_without_where_inside_a_common_table_expression()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze(
            "WITH moved AS (DELETE FROM queue RETURNING *) INSERT INTO archive SELECT * FROM moved"));

        Assert.Equal(RawSqlHazardKind.DeleteWithoutWhere, hazard.Kind);
        Assert.Equal("queue", hazard.Target);
        Assert.StartsWith("WITH moved", hazard.Statement.Text);
    }

    [Fact]
    public void Accepts_a_select_after_a_with_clause()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("WITH a AS (SELECT 1) SELECT * FROM a"));
    }
}
