using Cognova.Engine.Model;
using Cognova.Model;
using Microsoft.EntityFrameworkCore;

namespace Cognova.Build.Tests.Model;

/// <summary>Table per type, table per concrete type, nested JSON, enum collections and a SQL-query-mapped type.</summary>
public sealed class MappingStrategyTests
{
    private static readonly Lazy<ContextDescription> Described = new(() =>
    {
        using var context = new ShopContext(b =>
        {
            b.Entity<Vehicle>().UseTptMappingStrategy().ToTable("vehicles");
            b.Entity<Car>().ToTable("cars");
            b.Entity<Payment>().UseTpcMappingStrategy();
            b.Entity<CardPayment>().ToTable("card_payments");
            b.Entity<Invoice>().OwnsOne(i => i.Details, d =>
            {
                d.ToJson();
                d.Property(x => x.Reference).HasJsonPropertyName("ref");
                d.OwnsMany(x => x.Lines);
            });
            b.Entity<Survey>(s =>
            {
                s.Property(x => x.Answers).HasColumnType("mood[]");
                s.Property(x => x.DefaultMood).HasDefaultValue(Mood.Sad);
            });
            b.Entity<Report>().HasNoKey().ToSqlQuery("SELECT 1 AS \"Total\"");
            b.Entity<Shipment>(shipment =>
            {
                shipment.ComplexProperty(x => x.Price, price =>
                {
                    price.Property(p => p.Currency).HasMaxLength(3);
                    price.ComplexProperty(p => p.Rate);
                });
                shipment.ComplexProperty(x => x.Label, label => label.ToJson("label"));
                shipment.ComplexCollection(x => x.Stops, stops => stops.ToJson());
            });
        });
        return ModelDescriber.Describe(context);
    });

    private static EntityDescription Entity(string clrName) => Described.Value.Entities.Single(e => e.ClrName == clrName);

    [Fact]
    public void Table_per_type_gives_each_type_its_table_and_key_constraint()
    {
        var car = Entity("Car");
        Assert.Equal("cars", car.Table);
        Assert.Equal("Cognova.Build.Tests.Model.Vehicle", car.BaseType);
        Assert.Null(car.DiscriminatorValue);
        Assert.Equal("PK_cars", car.PrimaryKey!.Name);
        Assert.Equal(["Id"], car.PrimaryKey.Columns);
        Assert.Equal(["Doors"], car.Properties.Select(p => p.Name));
        Assert.Equal("vehicles", Entity("Vehicle").Table);
        // EF Core links the derived table's key to the base table's: a foreign key of the model, and a constraint.
        var link = Assert.Single(car.ForeignKeys);
        Assert.Equal(("FK_cars_vehicles_Id", "vehicles", "Cascade", true), (link.Name, link.PrincipalTable, link.OnDelete, link.IsUnique));
        Assert.Equal("Cognova.Build.Tests.Model.Vehicle", link.PrincipalEntity);
    }

    [Fact]
    public void Table_per_concrete_type_leaves_the_abstract_base_without_a_table()
    {
        var payment = Entity("Payment");
        Assert.Equal(EntityStorage.None, payment.Storage);
        Assert.Null(payment.Table);
        Assert.True(payment.IsAbstract);
        Assert.Null(payment.Properties.Single(p => p.Name == "Amount").Column);
        Assert.Equal("numeric", payment.Properties.Single(p => p.Name == "Amount").StoreType);
        Assert.Equal("Sequence", payment.Properties.Single(p => p.Name == "Id").ValueGenerationStrategy);

        var card = Entity("CardPayment");
        Assert.Equal("card_payments", card.Table);
        Assert.Equal(["Last4"], card.Properties.Select(p => p.Name));
    }

    [Fact]
    public void A_json_column_with_a_nested_collection_names_the_column_on_every_level()
    {
        var details = Entity("InvoiceDetails");
        Assert.Equal("Details", details.Owned!.JsonColumn);
        Assert.Equal("ref", details.Properties.Single(p => p.Name == "Reference").JsonPropertyName);

        var line = Entity("InvoiceLine");
        Assert.Equal("Cognova.Build.Tests.Model.InvoiceDetails", line.Owned!.Owner);
        Assert.True(line.Owned.IsCollection);
        Assert.Equal("Details", line.Owned.JsonColumn);
        Assert.Equal("jsonb", line.Owned.JsonColumnType);
        Assert.Equal(EntityStorage.None, line.Storage);
    }

    [Fact]
    public void An_enum_collection_and_a_nullable_enum_describe_the_enum_and_an_enum_default_is_its_number()
    {
        var survey = Entity("Survey");
        var answers = survey.Properties.Single(p => p.Name == "Answers");
        Assert.Equal("Cognova.Build.Tests.Model.Mood[]", answers.ClrType);
        Assert.Equal("mood[]", answers.StoreType);
        Assert.Equal("Cognova.Build.Tests.Model.Mood", answers.ElementClrType);
        Assert.Equal("mood", answers.Enum!.DatabaseEnum);

        var codes = survey.Properties.Single(p => p.Name == "Codes");
        Assert.Equal("Cognova.Build.Tests.Model.Status", codes.Enum!.ClrType);
        Assert.False(codes.Enum.StoredAsText);

        var optional = survey.Properties.Single(p => p.Name == "Optional");
        Assert.Equal("Cognova.Build.Tests.Model.Kind?", optional.ClrType);
        Assert.Equal("Cognova.Build.Tests.Model.Kind", optional.Enum!.ClrType);

        Assert.Equal(1, survey.Properties.Single(p => p.Name == "DefaultMood").DefaultValue!.Value.GetInt32());
    }

    [Fact]
    public void Complex_properties_give_their_columns_in_the_row_or_their_json_column()
    {
        var shipment = Entity("Shipment");
        Assert.Equal(["Price", "Label", "Stops"], shipment.ComplexProperties.Select(c => c.Name));

        var price = shipment.ComplexProperties[0];
        Assert.Equal("Cognova.Build.Tests.Model.Money", price.ClrType);
        Assert.False(price.IsCollection);
        Assert.Null(price.JsonColumn);
        Assert.Equal(["Price_Amount", "Price_Currency"], price.Properties.Select(p => p.Column));
        Assert.Equal("character varying(3)", price.Properties[1].StoreType);
        var rate = Assert.Single(price.ComplexProperties);
        Assert.Equal("Price_Rate_Value", Assert.Single(rate.Properties).Column);

        var label = shipment.ComplexProperties[1];
        Assert.Equal(("label", "jsonb"), (label.JsonColumn, label.JsonColumnType));
        Assert.Null(Assert.Single(label.Properties).Column);
        Assert.Equal("Text", label.Properties[0].JsonPropertyName);

        var stops = shipment.ComplexProperties[2];
        Assert.True(stops.IsCollection);
        Assert.Equal("Stops", stops.JsonColumn);
        Assert.Equal("System.Collections.Generic.List<Cognova.Build.Tests.Model.Stop>", stops.ClrType);
        Assert.Equal("City", Assert.Single(stops.Properties).JsonPropertyName);
    }

    [Fact]
    public void A_type_mapped_to_a_sql_query_has_no_storage()
    {
        var report = Entity("Report");
        Assert.Equal(EntityStorage.None, report.Storage);
        Assert.True(report.IsKeyless);
        Assert.Null(report.Properties.Single().Column);
    }
}

internal sealed class Shipment
{
    public int Id { get; set; }

    public Money Price { get; set; } = new();

    public ShippingLabel Label { get; set; } = new();

    public List<Stop> Stops { get; set; } = [];
}

internal sealed class Money
{
    public decimal Amount { get; set; }

    public string Currency { get; set; } = "";

    public ExchangeRate Rate { get; set; } = new();
}

internal sealed class ExchangeRate
{
    public decimal Value { get; set; }
}

internal sealed class ShippingLabel
{
    public string Text { get; set; } = "";
}

internal sealed class Stop
{
    public string City { get; set; } = "";
}

internal abstract class Vehicle
{
    public int Id { get; set; }
}

internal sealed class Car : Vehicle
{
    public int Doors { get; set; }
}

internal abstract class Payment
{
    public int Id { get; set; }

    public decimal Amount { get; set; }
}

internal sealed class CardPayment : Payment
{
    public string Last4 { get; set; } = "";
}

internal sealed class Invoice
{
    public int Id { get; set; }

    public InvoiceDetails Details { get; set; } = new();
}

internal sealed class InvoiceDetails
{
    public string Reference { get; set; } = "";

    public List<InvoiceLine> Lines { get; set; } = [];
}

internal sealed class InvoiceLine
{
    public string Item { get; set; } = "";
}

internal sealed class Survey
{
    public int Id { get; set; }

    public Mood[] Answers { get; set; } = [];

    public List<Status> Codes { get; set; } = [];

    public Kind? Optional { get; set; }

    public Mood DefaultMood { get; set; }
}

internal sealed class Report
{
    public int Total { get; set; }
}
