namespace Cognova.Studio.Tests.Api;

/// <summary>A hand-written model description of the fixture's Tags table, as the design host would write it.</summary>
public static class TestModel
{
    public const string Json = """
        {
          "format": "cognova.model/1",
          "efCoreVersion": "10.0.15",
          "contexts": [
            {
              "name": "AppDbContext",
              "fullName": "Sample.AppDbContext",
              "entities": [
                {
                  "name": "Sample.Tag",
                  "clrName": "Tag",
                  "clrType": "Sample.Tag",
                  "storage": "table",
                  "table": "Tags",
                  "properties": [
                    { "name": "Id", "column": "Id", "clrType": "int", "storeType": "integer", "isKey": true },
                    { "name": "Title", "column": "Name", "clrType": "string", "storeType": "text" }
                  ],
                  "navigations": [ { "name": "Orders", "target": "Sample.Order", "isCollection": true } ]
                },
                {
                  "name": "Sample.Order",
                  "clrName": "Order",
                  "clrType": "Sample.Order",
                  "storage": "table",
                  "table": "Orders",
                  "schema": "sales",
                  "properties": [ { "name": "Id", "column": "Id", "clrType": "long", "isKey": true } ]
                }
              ]
            }
          ]
        }
        """;
}
