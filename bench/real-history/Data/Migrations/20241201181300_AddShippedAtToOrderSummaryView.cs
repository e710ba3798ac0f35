using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RealHistory.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddShippedAtToOrderSummaryView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"CREATE OR REPLACE VIEW order_summaries AS
SELECT o.""Id"" AS order_id, c.""FullName"" AS customer_name, o.""CreatedAt"" AS created_at, o.""Status"" AS status,
       count(l.""Id"") AS line_count, o.""Total"" AS total, o.""ShippedAt"" AS shipped_at
FROM ""Orders"" AS o
JOIN ""Customers"" AS c ON c.""Id"" = o.""CustomerId""
LEFT JOIN ""OrderLines"" AS l ON l.""OrderId"" = o.""Id""
GROUP BY o.""Id"", c.""FullName"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP VIEW order_summaries;");
            migrationBuilder.Sql(@"CREATE VIEW order_summaries AS
SELECT o.""Id"" AS order_id, c.""FullName"" AS customer_name, o.""CreatedAt"" AS created_at, o.""Status"" AS status,
       count(l.""Id"") AS line_count, o.""Total"" AS total
FROM ""Orders"" AS o
JOIN ""Customers"" AS c ON c.""Id"" = o.""CustomerId""
LEFT JOIN ""OrderLines"" AS l ON l.""OrderId"" = o.""Id""
GROUP BY o.""Id"", c.""FullName"";");
        }
    }
}
