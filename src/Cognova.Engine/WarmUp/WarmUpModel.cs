using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cognova.Engine.WarmUp;

// A small model with the shapes most applications have (keys, a required and an optional foreign key, an
// index, a unique index, strings with and without a length, dates, decimals, an enum), and its snapshot as
// dotnet ef writes one. Building both runs the code paths a check runs, so that they are compiled before the
// application's assembly exists. Nothing here is ever connected to a database.

internal enum WarmUpState
{
    Open,
    Closed,
}

internal sealed class WarmUpCustomer
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Email { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<WarmUpOrder> Orders { get; set; } = [];
}

internal sealed class WarmUpOrder
{
    public long Id { get; set; }

    public int CustomerId { get; set; }

    public WarmUpCustomer? Customer { get; set; }

    public long? ParentId { get; set; }

    public decimal Total { get; set; }

    public WarmUpState State { get; set; }

    public Guid Reference { get; set; }

    public bool Paid { get; set; }

    public DateTime? ShippedAt { get; set; }
}

internal sealed class WarmUpContext(bool freshModel = false) : DbContext
{
    public DbSet<WarmUpCustomer> Customers => Set<WarmUpCustomer>();

    public DbSet<WarmUpOrder> Orders => Set<WarmUpOrder>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        optionsBuilder.UseNpgsql("Host=warm-up.invalid;Database=warm_up");
        if (freshModel)
        {
            optionsBuilder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, FreshModelKeys>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WarmUpCustomer>(e =>
        {
            e.ToTable("customers");
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => x.Email).IsUnique();
        });

        modelBuilder.Entity<WarmUpOrder>(e =>
        {
            e.ToTable("orders");
            e.Property(x => x.Total).HasPrecision(12, 2);
            e.HasOne<WarmUpOrder>().WithMany().HasForeignKey(x => x.ParentId);
            e.HasIndex(x => x.Reference);
        });
    }
}

/// <summary>A key no cached model has: EF Core builds the model again.</summary>
internal sealed class FreshModelKey : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => new object();
}

[DbContext(typeof(WarmUpContext))]
internal sealed class WarmUpSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder
            .HasAnnotation("ProductVersion", "10.0.0")
            .HasAnnotation("Relational:MaxIdentifierLength", 63);

        NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);

        modelBuilder.Entity("Cognova.Engine.WarmUp.WarmUpCustomer", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("integer");
            NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));
            b.Property<DateTimeOffset>("CreatedAt").HasColumnType("timestamp with time zone");
            b.Property<string>("Email").HasColumnType("text");
            b.Property<string>("Name").IsRequired().HasMaxLength(200).HasColumnType("character varying(200)");
            b.HasKey("Id");
            b.HasIndex("Email").IsUnique();
            b.ToTable("customers", (string?)null);
        });

        modelBuilder.Entity("Cognova.Engine.WarmUp.WarmUpOrder", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("bigint");
            NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<long>("Id"));
            b.Property<int>("CustomerId").HasColumnType("integer");
            b.Property<bool>("Paid").HasColumnType("boolean");
            b.Property<long?>("ParentId").HasColumnType("bigint");
            b.Property<Guid>("Reference").HasColumnType("uuid");
            b.Property<DateTime?>("ShippedAt").HasColumnType("timestamp with time zone");
            b.Property<int>("State").HasColumnType("integer");
            b.Property<decimal>("Total").HasPrecision(12, 2).HasColumnType("numeric(12,2)");
            b.HasKey("Id");
            b.HasIndex("CustomerId");
            b.HasIndex("ParentId");
            b.HasIndex("Reference");
            b.ToTable("orders", (string?)null);
        });

        modelBuilder.Entity("Cognova.Engine.WarmUp.WarmUpOrder", b =>
        {
            b.HasOne("Cognova.Engine.WarmUp.WarmUpCustomer", "Customer")
                .WithMany("Orders")
                .HasForeignKey("CustomerId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
            b.HasOne("Cognova.Engine.WarmUp.WarmUpOrder", null)
                .WithMany()
                .HasForeignKey("ParentId");
            b.Navigation("Customer");
        });

        modelBuilder.Entity("Cognova.Engine.WarmUp.WarmUpCustomer", b => b.Navigation("Orders"));
    }
}

internal sealed class FreshModelKeys : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => new object();
}
