using System.Text.Json;
using Cognova.Build.Tests.Types.Zoo;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Model;
using Cognova.Engine.Types;
using Cognova.Model;

namespace Cognova.Build.Tests.Types;

/// <summary>
/// The type zoo's TypeScript types, and real JSON the serializer writes for its entities, against the files under
/// tests/typescript/src that the TypeScript compiler checks (tests/Cognova.Build.EndToEnd.Tests, TypeScriptCompilerTests).
/// Set COGNOVA_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, and review the diff.
/// </summary>
public class TypeZooGoldenTests
{
    private static readonly JsonSerializerOptions Options = JsonSerializerOptions.Web;

    private static readonly Lazy<GeneratedTypes> Zoo = new(() =>
    {
        using var context = new TypeZooContext();
        var model = new ModelDescription { Contexts = [ModelDescriber.Describe(context)] };
        var wire = WireContractReader.Read(context.Model.GetEntityTypes().Select(e => new KeyValuePair<string, Type>(e.Name, e.ClrType)), Options);
        return TypeScriptGenerator.Generate(model, wire, new TypeScriptOptions());
    });

    private static string GoldenPath(string name) => Path.Combine(RepositoryRoot(), "tests", "typescript", "src", name);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cognova.Build.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root.");
    }

    private static void AssertGolden(string name, string actual)
    {
        var path = GoldenPath(name);
        if (Environment.GetEnvironmentVariable("COGNOVA_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with COGNOVA_UPDATE_GOLDEN=1 to write it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(expected == actual, $"{name} differs from the generated types:\n" + string.Join("\n", TypesFileComparer.Differences(expected, actual)));
    }

    [Fact]
    public void The_zoo_types_are_the_golden_file()
        => AssertGolden("zoo.types.ts", Zoo.Value.Text);

    [Fact]
    public void The_zoo_warns_where_a_number_may_lose_digits_and_where_a_type_is_unknown()
    {
        var problems = Zoo.Value.Problems.Select(p => (p.Code, $"{p.Entity}.{p.Member}")).ToList();

        Assert.Equal(
            [
                (DiagnosticCodes.TypeScriptNumberPrecision, "Specimen.Sightings"),
                (DiagnosticCodes.TypeScriptNumberPrecision, "Specimen.Weight"),
                (DiagnosticCodes.TypeScriptNumberPrecision, "Specimen.Unbounded"),
                (DiagnosticCodes.TypeScriptTypeUnknown, "Specimen.Enclosure"),
                (DiagnosticCodes.TypeScriptNumberPrecision, "SpecimenCount.Count"),
            ],
            problems.OrderBy(p => p.Item2.Split('.')[0], StringComparer.Ordinal).ToList());
    }

    /// <summary>Real JSON from the serializer, each document checked by the compiler against the select shape (<c>satisfies</c>).</summary>
    [Fact]
    public void The_zoo_wire_check_is_the_golden_file()
    {
        var keeper = new Keeper { Id = 7, Name = "Ada", Badge = new Badge { Id = 3, Number = "B-3", KeeperId = 7 } };
        var specimen = new Specimen
        {
            Id = 1,
            Label = "Okapi",
            Initial = 'O',
            Alive = true,
            Legs = 4,
            Sightings = 12,
            Population = 12_345_678_901_234_567,
            Temperature = 38.5f,
            Longitude = 28.4,
            Ratio = 0.25m,
            Weight = 250.5m,
            Unbounded = 1.000000000000000000001m,
            Tracker = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
            CreatedAt = new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.FromHours(2)),
            SeenAt = new DateTime(2024, 5, 1, 10, 30, 0, DateTimeKind.Utc),
            LocalTime = new DateTime(2024, 5, 1, 12, 30, 0, DateTimeKind.Unspecified),
            Born = new DateOnly(2019, 3, 14),
            FeedingTime = new TimeOnly(9, 15),
            Lifespan = TimeSpan.FromDays(9000.5),
            Photo = [1, 2, 3],
            Document = JsonDocument.Parse("""{"diet":["leaves"],"weight":250}"""),
            Measurements = [1, 2],
            Names = ["okapi", "forest giraffe"],
            Attributes = new() { ["origin"] = "Congo", ["note"] = null },
            Mood = Mood.Curious,
            NamedMood = Mood.Grumpy,
            Kind = Kind.Mammal,
            Traits = Traits.Nocturnal | Traits.Venomous,
            MoodHistory = [Mood.Calm, Mood.Grumpy],
            Enclosure = null,
            Level = 2,
            SearchLabel = "okapi",
            Version = 42,
            Code = "OK-1",
            Habitat = new Habitat { Region = "Ituri", Area = null },
            KeeperId = 7,
            Keeper = keeper,
        };
        var unloaded = new Specimen { Id = 2, Label = "Tapir", Tracker = Guid.Empty, KeeperId = 7 };
        var dog = new Dog { Id = 1, Name = "Rex", GoodBoy = true };
        var count = new SpecimenCount { Label = "Okapi", Count = 1 };

        var text = string.Join("\n",
        [
            "// Real JSON the serializer (JsonSerializerOptions.Web) writes for the zoo's entities, generated by TypeZooGoldenTests.",
            "import type { SpecimenWithRelations, KeeperWithRelations, Dog, SpecimenCount } from \"./zoo.types\";",
            "",
            $"export const specimen = {JsonSerializer.Serialize(specimen, Options)} satisfies SpecimenWithRelations;",
            $"export const unloaded = {JsonSerializer.Serialize(unloaded, Options)} satisfies SpecimenWithRelations;",
            $"export const keeper = {JsonSerializer.Serialize(keeper, Options)} satisfies KeeperWithRelations;",
            $"export const dog = {JsonSerializer.Serialize(dog, Options)} satisfies Dog;",
            $"export const count = {JsonSerializer.Serialize(count, Options)} satisfies SpecimenCount;",
            "",
        ]);

        AssertGolden("zoo.wire.ts", text);
    }
}
