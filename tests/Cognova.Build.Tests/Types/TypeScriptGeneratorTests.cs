using Cognova.Engine.Diagnostics;
using Cognova.Engine.Types;
using Cognova.Model;
using static Cognova.Build.Tests.Types.SampleModels;

namespace Cognova.Build.Tests.Types;

public class TypeScriptGeneratorTests
{
    private static GeneratedTypes Generate(ModelDescription model, TypeScriptOptions? options = null, WireContract? wire = null)
        => TypeScriptGenerator.Generate(model, wire ?? WireContract.ByConvention(), options ?? new TypeScriptOptions());

    /// <summary>The block of one declaration: from its "export" line to its closing brace.</summary>
    internal static string Block(string text, string declaration)
    {
        var start = text.IndexOf("\n" + declaration, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{declaration}' is not in:\n{text}");
        var end = text.IndexOf("\n}", start + 1, StringComparison.Ordinal);
        return text[(start + 1)..(end + 2)];
    }

    [Fact]
    public void Select_insert_and_update_shapes_follow_defaults_nullability_and_keys()
    {
        var text = Generate(UsersAndTags()).Text;

        Assert.Equal(
            """
            export interface Tag {
              id: Uuid;
              name: string;
              color: string;
              createdAt: IsoDateTimeOffset;
              createdBy: Uuid | null;
            }
            """.ReplaceLineEndings("\n"),
            Block(text, "export interface Tag {"));
        Assert.Equal(
            """
            export interface NewTag {
              id?: Uuid;
              name: string;
              color: string;
              createdAt?: IsoDateTimeOffset;
              createdBy?: Uuid | null;
            }
            """.ReplaceLineEndings("\n"),
            Block(text, "export interface NewTag {"));
        Assert.Equal(
            """
            export interface TagUpdate {
              id: Uuid;
              name?: string;
              color?: string;
              createdAt?: IsoDateTimeOffset;
              createdBy?: Uuid | null;
            }
            """.ReplaceLineEndings("\n"),
            Block(text, "export interface TagUpdate {"));
    }

    [Fact]
    public void Relations_are_typed_from_navigations_both_ways()
    {
        var text = Generate(UsersAndTags()).Text;

        Assert.Equal(
            """
            export interface TagRelations {
              creator: UserWithRelations | null;
            }
            """.ReplaceLineEndings("\n"),
            Block(text, "export interface TagRelations {"));
        Assert.Equal(
            """
            export interface UserRelations {
              tags: TagWithRelations[];
            }
            """.ReplaceLineEndings("\n"),
            Block(text, "export interface UserRelations {"));
        Assert.Contains("export interface TagWithRelations extends Tag {\n  creator?: UserWithRelations | null;\n}", text, StringComparison.Ordinal);
        Assert.Contains("export type With<E extends keyof DbRelations, K extends keyof DbRelations[E]> = DbEntities[E] & Pick<DbRelations[E], K>;", text, StringComparison.Ordinal);
        Assert.Contains("export interface DbRelations {\n  Tag: TagRelations;\n  User: UserRelations;\n}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_foreign_key_makes_the_reference_non_nullable()
    {
        var model = UsersAndTags();
        var tag = model.Contexts[0].Entities[0];
        var required = tag with { ForeignKeys = [tag.ForeignKeys[0] with { IsRequired = true }] };
        var text = Generate(model with { Contexts = [model.Contexts[0] with { Entities = [required, model.Contexts[0].Entities[1]] }] }).Text;

        Assert.Contains("export interface TagRelations {\n  creator: UserWithRelations;\n}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_has_no_imports_lf_line_ends_a_hash_and_entities_in_name_order()
    {
        var text = Generate(UsersAndTags()).Text;

        Assert.DoesNotContain("import ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.DoesNotContain("enum ", text, StringComparison.Ordinal);
        Assert.Matches("// Model hash: sha256:[0-9a-f]{16}\n", text);
        Assert.True(text.IndexOf("export interface Tag {", StringComparison.Ordinal) < text.IndexOf("export interface User {", StringComparison.Ordinal));
        Assert.EndsWith(";\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_model_gives_the_same_bytes_whatever_the_entity_order()
    {
        var model = UsersAndTags();
        var reversed = model with { Contexts = [model.Contexts[0] with { Entities = model.Contexts[0].Entities.Reverse().ToList() }] };

        Assert.Equal(Generate(model).Text, Generate(reversed).Text);
        Assert.Equal(Generate(model).Text, Generate(model).Text);
    }

    [Fact]
    public void The_hash_changes_with_the_types_only()
    {
        var model = UsersAndTags();
        var tag = model.Contexts[0].Entities[0];
        var renamed = tag with { Properties = [.. tag.Properties.Take(1), tag.Properties[1] with { Name = "Label" }, .. tag.Properties.Skip(2)] };
        var indexed = tag with { Indexes = [new IndexDescription { Name = "ix", Properties = ["Name"], IsUnique = true }] };

        var hash = TypeScriptGenerator.HashOf(Generate(model).Text);
        Assert.NotEqual(hash, TypeScriptGenerator.HashOf(Generate(WithTag(model, renamed)).Text));
        Assert.Equal(hash, TypeScriptGenerator.HashOf(Generate(WithTag(model, indexed)).Text));
    }

    internal static ModelDescription WithTag(ModelDescription model, EntityDescription tag)
        => model with { Contexts = [model.Contexts[0] with { Entities = [tag, .. model.Contexts[0].Entities.Skip(1)] }] };

    [Fact]
    public void Shadow_properties_are_not_on_the_wire()
    {
        var model = ModelOf(Table("Post", Column("TenantId", "int", "integer") with { IsShadow = true }, Column("Title", "string", "text")));

        var post = Block(Generate(model).Text, "export interface Post {");

        Assert.DoesNotContain("tenantId", post, StringComparison.Ordinal);
        Assert.Contains("title: string;", post, StringComparison.Ordinal);
    }

    [Fact]
    public void Computed_and_generated_always_columns_are_left_out_of_insert_and_update()
    {
        var model = ModelOf(Table(
            "Line",
            Column("Quantity", "int", "integer"),
            Column("Total", "decimal", "numeric(10,2)") with { Precision = 10, Scale = 2, ComputedColumnSql = "quantity * 2", IsStored = true, ValueGenerated = ValueGenerationDescription.OnAddOrUpdate },
            Column("Serial", "long", "bigint") with { ValueGenerationStrategy = "IdentityAlways", ValueGenerated = ValueGenerationDescription.OnAdd },
            Column("Version", "uint", "xid") with { IsConcurrencyToken = true, ValueGenerated = ValueGenerationDescription.OnAddOrUpdate, Column = "xmin" },
            Column("Status", "string", "text") with { DefaultValue = Json("\"new\"") }));

        var text = Generate(model).Text;

        Assert.Contains("  total: number;", Block(text, "export interface Line {"), StringComparison.Ordinal);
        Assert.Equal(
            """
            export interface NewLine {
              id?: number;
              quantity: number;
              status?: string;
            }
            """.ReplaceLineEndings("\n"),
            Block(text, "export interface NewLine {"));
        Assert.Equal(
            """
            export interface LineUpdate {
              id: number;
              quantity?: number;
              version: number;
              status?: string;
            }
            """.ReplaceLineEndings("\n"),
            Block(text, "export interface LineUpdate {"));
    }

    [Fact]
    public void A_required_member_is_required_on_insert_even_with_a_default()
    {
        var model = ModelOf(Table("Post", Column("Slug", "string", "text") with { DefaultValueSql = "''" }));
        var wire = new WireContract(
            new Dictionary<string, IReadOnlyDictionary<string, WireMember>>
            {
                ["Zoo.Post"] = new Dictionary<string, WireMember> { ["Id"] = new("id"), ["Slug"] = new("slug") { IsRequired = true } },
            },
            null);

        Assert.Contains("  slug: string;", Block(Generate(model, wire: wire).Text, "export interface NewPost {"), StringComparison.Ordinal);
    }

    [Fact]
    public void Views_and_keyless_types_have_a_select_shape_only()
    {
        var view = Table("TagCount", Column("Count", "int", "integer")) with { Storage = EntityStorage.View, IsKeyless = true, PrimaryKey = null };

        var text = Generate(ModelOf(view)).Text;

        Assert.Contains("export interface TagCount {", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NewTagCount", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TagCountUpdate", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_and_exclude_choose_entities_and_drop_relations_to_the_others()
    {
        var onlyTags = Generate(UsersAndTags(), new TypeScriptOptions { Exclude = ["User"] }).Text;
        var onlyUsers = Generate(UsersAndTags(), new TypeScriptOptions { Include = ["Sample.U*"] }).Text;

        Assert.DoesNotContain("interface User ", onlyTags, StringComparison.Ordinal);
        Assert.Contains("export type TagRelations = Record<never, never>;", onlyTags, StringComparison.Ordinal);
        Assert.Contains("export interface User {", onlyUsers, StringComparison.Ordinal);
        Assert.DoesNotContain("interface Tag ", onlyUsers, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_replaces_a_member_type_and_an_unused_one_is_reported()
    {
        var options = new TypeScriptOptions
        {
            Overrides = new Dictionary<string, string> { ["Tag.Color"] = "`#${string}`", ["Tag.Nothing"] = "string" },
        };

        var generated = Generate(UsersAndTags(), options);

        Assert.Contains("  color: `#${string}`;", Block(generated.Text, "export interface Tag {"), StringComparison.Ordinal);
        var unused = Assert.Single(generated.Problems);
        Assert.Equal(DiagnosticCodes.TypeScriptOverrideUnused, unused.Code);
        Assert.Contains("Tag.Nothing", unused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_entities_with_one_typescript_name_are_a_clash_naming_both()
    {
        var first = Table("Item");
        var second = first with { Name = "Other.Item", ClrType = "Other.Item" };

        var generated = Generate(ModelOf(first, second));

        var clash = Assert.Single(generated.Problems);
        Assert.Equal(DiagnosticCodes.TypeScriptNameClash, clash.Code);
        Assert.Contains("Other.Item", clash.Message, StringComparison.Ordinal);
        Assert.Contains("Zoo.Item", clash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_names_that_are_not_identifiers_are_quoted()
    {
        var model = ModelOf(Table("Post", Column("Title", "string", "text")));
        var wire = new WireContract(
            new Dictionary<string, IReadOnlyDictionary<string, WireMember>>
            {
                ["Zoo.Post"] = new Dictionary<string, WireMember> { ["Id"] = new("id"), ["Title"] = new("post-title") },
            },
            null);

        Assert.Contains("  \"post-title\": string;", Generate(model, wire: wire).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Members_the_serializer_leaves_out_when_null_are_optional_in_the_select_shape()
    {
        var model = ModelOf(Table("Post", Column("Subtitle", "string", "text", nullable: true)));
        var wire = new WireContract(
            new Dictionary<string, IReadOnlyDictionary<string, WireMember>>
            {
                ["Zoo.Post"] = new Dictionary<string, WireMember> { ["Id"] = new("id"), ["Subtitle"] = new("subtitle") { MayBeOmitted = true } },
            },
            null);

        Assert.Contains("  subtitle?: string | null;", Block(Generate(model, wire: wire).Text, "export interface Post {"), StringComparison.Ordinal);
    }

    [Fact]
    public void Owned_types_are_embedded_in_their_owner()
    {
        var address = new EntityDescription
        {
            Name = "Zoo.Customer.Address#Address",
            ClrName = "Address",
            ClrType = "Zoo.Address",
            Storage = EntityStorage.None,
            Owned = new OwnershipDescription { Owner = "Zoo.Customer", Navigation = "Address", JsonColumn = "address" },
            Properties = [Column("CustomerId", "int", "integer") with { IsShadow = true, IsKey = true }, Column("Street", "string", "text") with { Column = null, JsonPropertyName = "street" }],
        };
        var customer = Table("Customer") with
        {
            Navigations = [new NavigationDescription { Name = "Address", Target = address.Name }],
        };

        var text = Generate(ModelOf(customer, address)).Text;

        Assert.Contains("export interface Address {\n  street: string;\n}", text, StringComparison.Ordinal);
        Assert.Contains("  address: Address | null;\n}", Block(text, "export interface Customer {"), StringComparison.Ordinal);
        Assert.Contains("  address?: NewAddress | null;\n}", Block(text, "export interface NewCustomer {"), StringComparison.Ordinal);
        Assert.DoesNotContain("AddressRelations", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AddressUpdate", text, StringComparison.Ordinal);
        Assert.Contains("export type CustomerRelations = Record<never, never>;", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_many_to_many_join_without_a_class_is_not_typed_and_the_skip_navigation_is_a_relation()
    {
        var post = Table("Post") with { Navigations = [new NavigationDescription { Name = "Tags", Target = "Zoo.Tag", IsCollection = true, JoinEntity = "PostTag" }] };
        var tag = Table("Tag");
        var join = new EntityDescription
        {
            Name = "PostTag",
            ClrName = "PostTag",
            ClrType = "System.Collections.Generic.Dictionary<string, object>",
            Storage = EntityStorage.Table,
            Table = "PostTag",
            Properties = [Column("PostsId", "int", "integer") with { IsKey = true }, Column("TagsId", "int", "integer") with { IsKey = true }],
        };

        var text = Generate(ModelOf(post, tag, join)).Text;

        Assert.DoesNotContain("PostTag", text, StringComparison.Ordinal);
        Assert.Contains("export interface PostRelations {\n  tags: TagWithRelations[];\n}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_derived_entity_has_its_base_members()
    {
        var animal = Table("Animal", Column("Name", "string", "text")) with { IsAbstract = true };
        var dog = new EntityDescription
        {
            Name = "Zoo.Dog",
            ClrName = "Dog",
            ClrType = "Zoo.Dog",
            Storage = EntityStorage.Table,
            Table = "animal",
            BaseType = "Zoo.Animal",
            Properties = [Column("Barks", "bool", "boolean")],
        };

        var text = Generate(ModelOf(animal, dog)).Text;

        Assert.Equal("export interface Dog {\n  id: number;\n  name: string;\n  barks: boolean;\n}", Block(text, "export interface Dog {"));
        Assert.Contains("export interface NewDog {", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NewAnimal", text, StringComparison.Ordinal);
    }
}
