using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cognova.Build.Tests.Types.Zoo;

/// <summary>
/// One member of each row of the TypeScript mapping table (docs/typescript-types.md), built by the real Npgsql
/// provider in this process (creating the model opens no connection).
/// </summary>
internal sealed class TypeZooContext : DbContext
{
    protected override void OnConfiguring(DbContextOptionsBuilder options) => options
        .UseNpgsql("Host=localhost;Database=zoo", npgsql => npgsql.MapEnum<Mood>("mood"))
        .ReplaceService<IModelCacheKeyFactory, NoModelCache>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Specimen>(specimen =>
        {
            specimen.ToTable("specimens", t => t.HasComment("One column of each type."));
            specimen.Property(s => s.Label).HasMaxLength(100).HasComment("Shown to visitors.");
            specimen.Property(s => s.Initial).HasColumnType("character(1)");
            specimen.Property(s => s.Ratio).HasPrecision(10, 4);
            specimen.Property(s => s.Weight).HasPrecision(18, 6);
            specimen.Property(s => s.Unbounded).HasColumnType("numeric");
            specimen.Property(s => s.LocalTime).HasColumnType("timestamp without time zone");
            specimen.Property(s => s.Document).HasColumnType("jsonb");
            specimen.Property(s => s.Attributes).HasColumnType("hstore");
            specimen.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            specimen.Property(s => s.CreatedAt).HasDefaultValueSql("now()");
            specimen.Property(s => s.Level).HasDefaultValue(1);
            specimen.Property(s => s.SearchLabel).HasComputedColumnSql("lower(\"Label\")", stored: true);
            specimen.Property(s => s.Version).IsRowVersion();
            specimen.Property<string>("Secret").HasMaxLength(10);
            specimen.OwnsOne(s => s.Habitat, habitat => habitat.ToJson("habitat"));
            specimen.HasOne(s => s.Keeper).WithMany(k => k.Specimens).HasForeignKey(s => s.KeeperId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Keeper>(keeper =>
        {
            keeper.Property(k => k.Id).UseIdentityAlwaysColumn();
            keeper.HasOne(k => k.Badge).WithOne(b => b.Keeper).HasForeignKey<Badge>(b => b.KeeperId);
        });

        modelBuilder.Entity<Animal>().HasDiscriminator<string>("animal_type").HasValue<Dog>("dog");
        modelBuilder.Entity<Dog>();
        modelBuilder.Entity<SpecimenCount>().HasNoKey().ToView("specimen_counts");
    }

    private sealed class NoModelCache : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => new object();
    }
}

public enum Mood
{
    Calm,
    Curious,
    Grumpy,
}

public enum Kind
{
    Mammal,
    Bird,
}

[Flags]
public enum Traits
{
    None = 0,
    Nocturnal = 1,
    Venomous = 2,
}

public sealed class Specimen
{
    public int Id { get; set; }

    public required string Label { get; set; }

    public string? Nickname { get; set; }

    public char Initial { get; set; }

    public bool Alive { get; set; }

    public short Legs { get; set; }

    public long Sightings { get; set; }

    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    public long Population { get; set; }

    public float Temperature { get; set; }

    public double Longitude { get; set; }

    public decimal Ratio { get; set; }

    public decimal Weight { get; set; }

    public decimal? Unbounded { get; set; }

    public Guid Tracker { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTime SeenAt { get; set; }

    public DateTime LocalTime { get; set; }

    public DateOnly Born { get; set; }

    public TimeOnly FeedingTime { get; set; }

    public TimeSpan Lifespan { get; set; }

    public byte[] Photo { get; set; } = [];

    public JsonDocument? Document { get; set; }

    public int[] Measurements { get; set; } = [];

    public List<string> Names { get; set; } = [];

    public Dictionary<string, string?> Attributes { get; set; } = [];

    public Mood Mood { get; set; }

    [JsonConverter(typeof(JsonStringEnumConverter))]
    public Mood? NamedMood { get; set; }

    public Kind Kind { get; set; }

    public Traits Traits { get; set; }

    public Mood[] MoodHistory { get; set; } = [];

    public IPAddress? Enclosure { get; set; }

    public int Level { get; set; }

    public string? SearchLabel { get; set; }

    public uint Version { get; set; }

    [JsonPropertyName("zoo-code")]
    public string Code { get; set; } = "";

    [JsonIgnore]
    public string InternalNote { get; set; } = "";

    public Habitat? Habitat { get; set; }

    public int KeeperId { get; set; }

    public Keeper? Keeper { get; set; }
}

public sealed class Habitat
{
    public string Region { get; set; } = "";

    public int? Area { get; set; }
}

public sealed class Keeper
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public List<Specimen> Specimens { get; set; } = [];

    public Badge? Badge { get; set; }
}

public sealed class Badge
{
    public int Id { get; set; }

    public string Number { get; set; } = "";

    public int KeeperId { get; set; }

    public Keeper? Keeper { get; set; }
}

public abstract class Animal
{
    public int Id { get; set; }

    public string Name { get; set; } = "";
}

public sealed class Dog : Animal
{
    public bool GoodBoy { get; set; }
}

public sealed class SpecimenCount
{
    public string Label { get; set; } = "";

    public long Count { get; set; }
}
