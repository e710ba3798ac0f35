using Cognova.Engine.Types;
using static Cognova.Build.Tests.Types.SampleModels;

namespace Cognova.Build.Tests.Types;

public class TypesFileComparerTests
{
    private static string Generate(Cognova.Model.ModelDescription model)
        => TypeScriptGenerator.Generate(model, WireContract.ByConvention(), new TypeScriptOptions()).Text;

    [Fact]
    public void A_crlf_checkout_of_the_same_file_is_the_same()
    {
        var text = Generate(UsersAndTags());

        Assert.True(TypesFileComparer.AreSame(text.Replace("\n", "\r\n", StringComparison.Ordinal), text));
        Assert.Empty(TypesFileComparer.Differences(text.Replace("\n", "\r\n", StringComparison.Ordinal), text));
    }

    [Fact]
    public void The_differences_name_each_changed_added_and_removed_member()
    {
        var model = UsersAndTags();
        var tag = model.Contexts[0].Entities[0];
        var changed = tag with
        {
            Properties =
            [
                .. tag.Properties.Where(p => p.Name != "Color"),
                Column("Name", "string", "text", nullable: true),
                Column("Slug", "string", "text"),
            ],
        };
        changed = changed with { Properties = changed.Properties.Where((p, i) => p.Name != "Name" || i > 2).ToList() };

        var differences = TypesFileComparer.Differences(Generate(model), Generate(TypeScriptGeneratorTests.WithTag(model, changed)));

        Assert.Contains("Tag.name: `name: string;` is now `name: string | null;`", differences);
        Assert.Contains("Tag.slug: missing (the model has `slug: string;`)", differences);
        Assert.Contains("Tag.color: no longer in the model", differences);
        Assert.Contains("NewTag.slug: missing (the model has `slug: string;`)", differences);
        Assert.DoesNotContain(differences, d => d.StartsWith("User", StringComparison.Ordinal));
    }

    [Fact]
    public void A_removed_entity_is_named()
    {
        var model = UsersAndTags();
        var withoutTags = model with { Contexts = [model.Contexts[0] with { Entities = [model.Contexts[0].Entities[1]] }] };

        var differences = TypesFileComparer.Differences(Generate(model), Generate(withoutTags));

        Assert.Contains("Tag: no longer in the model", differences);
        Assert.Contains("NewTag: no longer in the model", differences);
    }

    [Fact]
    public void An_edited_comment_is_a_difference_without_members()
    {
        var text = Generate(UsersAndTags());
        var edited = text.Replace("A row as the server sends it.", "A row.", StringComparison.Ordinal);

        Assert.False(TypesFileComparer.AreSame(edited, text));
        Assert.Single(TypesFileComparer.Differences(edited, text));
    }
}
