using System.Text.Json;
using Cognova.Engine.Model;
using Cognova.Model;
using Microsoft.EntityFrameworkCore;

namespace Cognova.Build.Tests.Model;

public sealed class ModelDescriberTests
{
    private static readonly Lazy<ContextDescription> Shop = new(() =>
    {
        using var context = new ShopContext();
        return ModelDescriber.Describe(context);
    });

    private static EntityDescription Entity(string clrName) => Shop.Value.Entities.Single(e => e.ClrName == clrName);

    private static PropertyDescription Property(string entity, string name) => Entity(entity).Properties.Single(p => p.Name == name);

    [Fact]
    public void A_plain_entity_names_its_table_columns_store_types_and_primary_key()
    {
        var order = Entity("Order");

        Assert.Equal("Cognova.Build.Tests.Model.Order", order.Name);
        Assert.Equal("Cognova.Build.Tests.Model.Order", order.ClrType);
        Assert.Equal(EntityStorage.Table, order.Storage);
        Assert.Equal("Order", order.Table);
        Assert.Null(order.Schema);
        Assert.False(order.IsKeyless);
        Assert.Equal(["Id", "Number", "CustomerId"], order.Properties.Select(p => p.Name));
        Assert.Equal(["Id", "Number", "CustomerId"], order.Properties.Select(p => p.Column));
        Assert.Equal(["bigint", "bigint", "integer"], order.Properties.Select(p => p.StoreType));
        Assert.Equal("PK_Order", order.PrimaryKey!.Name);
        Assert.Equal(["Id"], order.PrimaryKey.Properties);
        Assert.Equal(["Id"], order.PrimaryKey.Columns);
        Assert.True(order.Properties[0].IsKey);
    }

    [Fact]
    public void Nullability_follows_the_model_for_references_and_value_types()
    {
        Assert.False(Property("Customer", "Name").IsNullable);
        Assert.True(Property("Customer", "Nickname").IsNullable);
        Assert.Equal("string", Property("Customer", "Nickname").ClrType);
        Assert.False(Property("Customer", "Level").IsNullable);
        Assert.Equal("int", Property("Customer", "Level").ClrType);
        Assert.True(Property("Customer", "Age").IsNullable);
        Assert.Equal("int?", Property("Customer", "Age").ClrType);
        Assert.Equal("System.DateTimeOffset", Property("Customer", "CreatedAt").ClrType);
        Assert.Null(Property("Customer", "Age").IsColumnNullable);
    }

    [Fact]
    public void Max_length_precision_and_scale_are_given_with_the_store_type_they_make()
    {
        var name = Property("Customer", "Name");
        Assert.Equal(100, name.MaxLength);
        Assert.Equal("character varying(100)", name.StoreType);

        var balance = Property("Customer", "Balance");
        Assert.Equal(12, balance.Precision);
        Assert.Equal(2, balance.Scale);
        Assert.Equal("numeric(12,2)", balance.StoreType);
        Assert.Null(Property("Customer", "Nickname").MaxLength);
    }

    [Fact]
    public void Identity_by_default_identity_always_and_serial_are_named_from_the_provider_strategy()
    {
        Assert.Equal("IdentityByDefault", Property("Customer", "Id").ValueGenerationStrategy);
        Assert.Equal(ValueGenerationDescription.OnAdd, Property("Customer", "Id").ValueGenerated);
        Assert.Equal("IdentityAlways", Property("Order", "Id").ValueGenerationStrategy);
        Assert.Equal("Serial", Property("LegacyItem", "Id").ValueGenerationStrategy);
        Assert.Null(Property("Order", "CustomerId").ValueGenerationStrategy);
        Assert.Equal(ValueGenerationDescription.Never, Property("Order", "CustomerId").ValueGenerated);
    }

    [Fact]
    public void A_default_value_is_json_and_a_default_sql_is_text()
    {
        var level = Property("Customer", "Level");
        Assert.Equal(JsonValueKind.Number, level.DefaultValue!.Value.ValueKind);
        Assert.Equal(1, level.DefaultValue.Value.GetInt32());
        Assert.Null(level.DefaultValueSql);

        var createdAt = Property("Customer", "CreatedAt");
        Assert.Equal("now()", createdAt.DefaultValueSql);
        Assert.Null(createdAt.DefaultValue);
    }

    [Fact]
    public void A_stored_computed_column_gives_its_sql()
    {
        var searchName = Property("Customer", "SearchName");
        Assert.Equal("lower(\"Name\")", searchName.ComputedColumnSql);
        Assert.True(searchName.IsStored);
        Assert.Equal(ValueGenerationDescription.OnAddOrUpdate, searchName.ValueGenerated);
        Assert.Null(Property("Customer", "Name").IsStored);
    }

    [Fact]
    public void A_row_version_is_the_xmin_system_column_and_a_concurrency_token()
    {
        var version = Property("Customer", "Version");
        Assert.Equal("xmin", version.Column);
        Assert.Equal("xid", version.StoreType);
        Assert.Equal("uint", version.ClrType);
        Assert.True(version.IsConcurrencyToken);
        Assert.False(Property("Customer", "Name").IsConcurrencyToken);
    }

    [Fact]
    public void A_composite_key_keeps_its_order()
    {
        var line = Entity("OrderLine");
        Assert.Equal(["OrderId", "LineNumber"], line.PrimaryKey!.Properties);
        Assert.Equal(["OrderId", "LineNumber"], line.PrimaryKey.Columns);
        Assert.Equal("PK_OrderLine", line.PrimaryKey.Name);
        Assert.Equal(["OrderId", "LineNumber", "Quantity"], line.Properties.Select(p => p.Name));
    }

    [Fact]
    public void Unique_filtered_and_gin_indexes_are_described()
    {
        var indexes = Entity("Customer").Indexes;

        var unique = indexes.Single(i => i.Properties.SequenceEqual(["Name"]));
        Assert.True(unique.IsUnique);
        Assert.Equal("IX_customers_Name", unique.Name);
        Assert.Null(unique.Method);

        var filtered = indexes.Single(i => i.Properties.SequenceEqual(["Nickname"]));
        Assert.Equal("ix_customers_nickname_set", filtered.Name);
        Assert.Equal("\"Nickname\" IS NOT NULL", filtered.Filter);
        Assert.False(filtered.IsUnique);

        var gin = indexes.Single(i => i.Properties.SequenceEqual(["Scores"]));
        Assert.Equal("gin", gin.Method);
        Assert.Equal(["Scores"], gin.Columns);
    }

    [Theory]
    [InlineData("OwnerId", "Restrict", true)]
    [InlineData("AssigneeId", "SetNull", false)]
    [InlineData("ReviewerId", "ClientSetNull", false)]
    [InlineData("AuditorId", "NoAction", false)]
    public void A_foreign_key_gives_its_constraint_principal_and_delete_behaviour(string property, string onDelete, bool required)
    {
        var foreignKey = Entity("Ticket").ForeignKeys.Single(fk => fk.Properties.SequenceEqual([property]));

        Assert.Equal($"FK_Ticket_customers_{property}", foreignKey.Name);
        Assert.Equal([property], foreignKey.Columns);
        Assert.Equal("Cognova.Build.Tests.Model.Customer", foreignKey.PrincipalEntity);
        Assert.Equal("customers", foreignKey.PrincipalTable);
        Assert.Equal(["Id"], foreignKey.PrincipalProperties);
        Assert.Equal(["Id"], foreignKey.PrincipalColumns);
        Assert.Equal(onDelete, foreignKey.OnDelete);
        Assert.Equal(required, foreignKey.IsRequired);
        Assert.False(foreignKey.IsOwnership);
    }

    [Fact]
    public void Navigations_are_described_on_both_ends_with_their_inverse()
    {
        var toCustomer = Entity("Order").Navigations.Single(n => n.Name == "Customer");
        Assert.Equal("Cognova.Build.Tests.Model.Customer", toCustomer.Target);
        Assert.True(toCustomer.IsOnDependent);
        Assert.False(toCustomer.IsCollection);
        Assert.Equal("Orders", toCustomer.Inverse);
        Assert.Equal(["CustomerId"], toCustomer.ForeignKeyProperties);
        Assert.Equal("Cascade", Entity("Order").ForeignKeys.Single().OnDelete);

        var toOrders = Entity("Customer").Navigations.Single(n => n.Name == "Orders");
        Assert.Equal("Cognova.Build.Tests.Model.Order", toOrders.Target);
        Assert.False(toOrders.IsOnDependent);
        Assert.True(toOrders.IsCollection);
        Assert.Equal("Customer", toOrders.Inverse);
        Assert.Equal(["CustomerId"], toOrders.ForeignKeyProperties);

        // In the order the class declares them.
        Assert.Equal(["Address", "Notes", "Profile", "Orders"], Entity("Customer").Navigations.Select(n => n.Name));
    }

    [Fact]
    public void A_one_to_one_relationship_is_a_unique_foreign_key_with_reference_navigations()
    {
        var foreignKey = Entity("CustomerProfile").ForeignKeys.Single();
        Assert.True(foreignKey.IsUnique);
        Assert.Equal(["CustomerId"], foreignKey.Properties);

        var profile = Entity("Customer").Navigations.Single(n => n.Name == "Profile");
        Assert.False(profile.IsCollection);
        Assert.False(profile.IsOnDependent);
        Assert.Equal("Customer", profile.Inverse);
        Assert.False(Entity("CustomerProfile").Navigations.Single().IsCollection);
        Assert.True(Entity("CustomerProfile").Indexes.Single().IsUnique);
    }

    [Fact]
    public void A_many_to_many_relationship_has_skip_navigations_through_its_join_entity()
    {
        var tags = Entity("Post").Navigations.Single();
        Assert.Equal("Tags", tags.Name);
        Assert.Equal("Cognova.Build.Tests.Model.Tag", tags.Target);
        Assert.True(tags.IsCollection);
        Assert.Equal("Posts", tags.Inverse);
        Assert.Equal("PostTag", tags.JoinEntity);
        Assert.Equal(["PostsId"], tags.ForeignKeyProperties);
        Assert.Equal("PostTag", Entity("Tag").Navigations.Single().JoinEntity);

        var join = Entity("PostTag");
        Assert.Equal("PostTag", join.Name);
        Assert.Equal("System.Collections.Generic.Dictionary<string, object>", join.ClrType);
        Assert.Equal(["PostsId", "TagsId"], join.PrimaryKey!.Properties);
        Assert.Equal(["Cognova.Build.Tests.Model.Post", "Cognova.Build.Tests.Model.Tag"], join.ForeignKeys.Select(fk => fk.PrincipalEntity));
    }

    [Fact]
    public void A_table_per_hierarchy_names_base_types_discriminator_values_and_the_shared_table()
    {
        var animal = Entity("Animal");
        Assert.True(animal.IsAbstract);
        Assert.Null(animal.BaseType);
        Assert.Equal(["Id", "Name", "animal_type"], animal.Properties.Select(p => p.Name));
        Assert.True(animal.Properties.Single(p => p.Name == "animal_type").IsShadow);

        var dog = Entity("Dog");
        Assert.Equal("Cognova.Build.Tests.Model.Animal", dog.BaseType);
        Assert.Equal("dog", dog.DiscriminatorValue);
        Assert.Equal("Animal", dog.Table);
        Assert.False(dog.IsAbstract);
        // A derived type lists what it declares; its column allows null for the other types' rows.
        var barks = Assert.Single(dog.Properties);
        Assert.Equal("Barks", barks.Name);
        Assert.False(barks.IsNullable);
        Assert.True(barks.IsColumnNullable);
        Assert.Equal("cat", Entity("Cat").DiscriminatorValue);
    }

    [Fact]
    public void An_owned_type_in_its_owners_table_names_that_table_and_its_columns()
    {
        var address = Entity("Address");
        Assert.Equal(EntityStorage.Table, address.Storage);
        Assert.Equal("customers", address.Table);
        Assert.Equal("Cognova.Build.Tests.Model.Customer", address.Owned!.Owner);
        Assert.Equal("Address", address.Owned.Navigation);
        Assert.False(address.Owned.IsCollection);
        Assert.Null(address.Owned.JsonColumn);
        Assert.Equal("Address_Street", address.Properties.Single(p => p.Name == "Street").Column);
        Assert.Equal("character varying(200)", address.Properties.Single(p => p.Name == "Street").StoreType);
        Assert.True(address.ForeignKeys.Single().IsOwnership);
        Assert.Null(address.ForeignKeys.Single().Name);
    }

    [Fact]
    public void An_owned_collection_in_a_json_column_has_json_properties_and_no_columns()
    {
        var note = Entity("Note");
        Assert.Equal(EntityStorage.None, note.Storage);
        Assert.Null(note.Table);
        Assert.True(note.Owned!.IsCollection);
        Assert.Equal("Notes", note.Owned.Navigation);
        Assert.Equal("notes", note.Owned.JsonColumn);
        Assert.Equal("jsonb", note.Owned.JsonColumnType);

        var text = note.Properties.Single(p => p.Name == "Text");
        Assert.Null(text.Column);
        Assert.Null(text.StoreType);
        Assert.Equal("Text", text.JsonPropertyName);
        Assert.Equal("System.DateTime", note.Properties.Single(p => p.Name == "WrittenAt").ClrType);
    }

    [Fact]
    public void An_enum_stored_as_a_number_lists_its_members_and_values()
    {
        var status = Property("Customer", "Status");
        Assert.Equal("int", status.ProviderClrType);
        Assert.Equal("integer", status.StoreType);
        Assert.Equal("Cognova.Build.Tests.Model.Status", status.Enum!.ClrType);
        Assert.False(status.Enum.StoredAsText);
        Assert.Null(status.Enum.DatabaseEnum);
        Assert.Equal(["Active=0", "Suspended=5"], status.Enum.Members.Select(m => $"{m.Name}={m.Value}"));
        Assert.All(status.Enum.Members, m => Assert.Null(m.DatabaseLabel));
    }

    [Fact]
    public void An_enum_stored_as_a_string_gives_the_labels_its_converter_writes()
    {
        var kind = Property("Customer", "Kind");
        Assert.Equal("string", kind.ProviderClrType);
        Assert.Equal("character varying(20)", kind.StoreType);
        Assert.True(kind.Enum!.StoredAsText);
        Assert.Equal(["Person", "Company"], kind.Enum.Members.Select(m => m.DatabaseLabel));
    }

    [Fact]
    public void A_postgresql_enum_is_declared_on_the_context_and_named_by_the_property()
    {
        Assert.Contains(Shop.Value.Enums, e => e is { Name: "mood", Schema: null } && e.Labels.SequenceEqual(["happy", "sad", "so_so"]));
        Assert.Contains(Shop.Value.Enums, e => e is { Name: "priority", Schema: "shop" } && e.Labels.SequenceEqual(["low", "high"]));

        var mood = Property("Customer", "Mood");
        Assert.Equal("mood", mood.StoreType);
        Assert.Null(mood.ProviderClrType);
        Assert.Equal("mood", mood.Enum!.DatabaseEnum);
        Assert.True(mood.Enum.StoredAsText);
        Assert.Equal(["Happy:happy", "Sad:sad", "SoSo:so_so"], mood.Enum.Members.Select(m => $"{m.Name}:{m.DatabaseLabel}"));
    }

    [Fact]
    public void Array_list_and_jsonb_columns_give_their_store_and_element_types()
    {
        var scores = Property("Customer", "Scores");
        Assert.Equal("int[]", scores.ClrType);
        Assert.Equal("integer[]", scores.StoreType);
        Assert.Equal("int", scores.ElementClrType);

        var aliases = Property("Customer", "Aliases");
        Assert.Equal("System.Collections.Generic.List<string>", aliases.ClrType);
        Assert.Equal("text[]", aliases.StoreType);
        Assert.Equal("string", aliases.ElementClrType);

        var document = Property("Customer", "Document");
        Assert.Equal("jsonb", document.StoreType);
        Assert.Null(document.ElementClrType);
    }

    [Fact]
    public void A_keyless_entity_mapped_to_a_view_names_the_view_and_its_schema()
    {
        var summary = Entity("CustomerSummary");
        Assert.Equal(EntityStorage.View, summary.Storage);
        Assert.Equal("customer_summaries", summary.Table);
        Assert.Equal("reporting", summary.Schema);
        Assert.True(summary.IsKeyless);
        Assert.Null(summary.PrimaryKey);
        Assert.Equal(["CustomerId", "order_count"], summary.Properties.Select(p => p.Column));
    }

    [Fact]
    public void A_table_in_another_schema_and_foreign_keys_to_it_name_the_schema()
    {
        Assert.Equal("blog", Entity("Tag").Schema);
        Assert.Equal("tags", Entity("Tag").Table);
        Assert.Equal("blog", Entity("PostTag").ForeignKeys.Single(fk => fk.PrincipalTable == "tags").PrincipalSchema);
        Assert.Null(Shop.Value.DefaultSchema);
    }

    [Fact]
    public void Comments_on_tables_and_columns_come_from_the_design_time_model()
    {
        Assert.Equal("People who buy.", Entity("Customer").Comment);
        Assert.Equal("Shown on invoices.", Property("Customer", "Name").Comment);
    }

    [Fact]
    public void A_check_constraint_gives_its_name_and_sql()
    {
        var check = Assert.Single(Entity("Customer").CheckConstraints);
        Assert.Equal("ck_customers_balance", check.Name);
        Assert.Equal("\"Balance\" >= 0", check.Sql);
    }

    [Fact]
    public void Sequences_are_described_on_the_context()
    {
        var sequence = Assert.Single(Shop.Value.Sequences);
        Assert.Equal("order_numbers", sequence.Name);
        Assert.Equal("long", sequence.ClrType);
        Assert.Equal(1000, sequence.StartValue);
        Assert.Equal(10, sequence.IncrementBy);
    }

    [Fact]
    public void Properties_come_in_column_order_key_first_then_as_declared_shadow_last()
    {
        Assert.Equal(
            ["Id", "Name", "Nickname", "Balance", "CreatedAt", "Level", "Age", "Status", "Kind", "Mood", "Version", "Scores", "Aliases", "Document", "SearchName", "Secret"],
            Entity("Customer").Properties.Select(p => p.Name));

        using var context = new ShopContext(b => b.Entity<Ticket>().Property(t => t.AuditorId).HasColumnOrder(0));
        var ticket = ModelDescriber.Describe(context).Entities.Single(e => e.ClrName == "Ticket");
        Assert.Equal(["AuditorId", "Id", "OwnerId", "AssigneeId", "ReviewerId"], ticket.Properties.Select(p => p.Name));
    }

    [Fact]
    public void Entities_are_sorted_by_name_and_the_document_names_ef_core_and_the_provider()
    {
        using var context = new ShopContext();
        var description = ModelDescriber.Describe([context]);

        Assert.Equal(ModelDescription.FormatVersion, description.Format);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", description.Provider);
        Assert.Equal(typeof(DbContext).Assembly.GetName().Version!.ToString(3), description.EfCoreVersion);
        var names = description.Contexts.Single().Entities.Select(e => e.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void The_json_leaves_out_nulls_and_empty_lists_and_reads_back_to_the_same_json()
    {
        using var context = new ShopContext();
        var json = ModelDescriber.Describe([context]).ToJson();

        Assert.DoesNotContain(": null", json);
        Assert.DoesNotContain(": []", json);
        Assert.Contains("\"storage\": \"table\"", json);
        var back = ModelDescription.FromJson(json);
        Assert.Empty(back.Contexts.Single().Entities.Single(e => e.ClrName == "Order").AlternateKeys);
        Assert.Equal(json, back.ToJson());
    }

    [Fact]
    public void The_same_model_gives_byte_identical_json()
    {
        using var first = new ShopContext();
        using var second = new ShopContext();

        Assert.Equal(ModelDescriber.Describe([first]).ToJson(), ModelDescriber.Describe([second]).ToJson());
    }
}
