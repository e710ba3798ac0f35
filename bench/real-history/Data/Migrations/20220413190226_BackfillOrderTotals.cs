using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RealHistory.Data.Migrations
{
    /// <inheritdoc />
    public partial class BackfillOrderTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"UPDATE ""Orders"" AS o
SET ""Total"" = t.total
FROM (SELECT ""OrderId"", sum(""Quantity"" * ""UnitPrice"") AS total FROM ""OrderLines"" GROUP BY ""OrderId"") AS t
WHERE t.""OrderId"" = o.""Id"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
