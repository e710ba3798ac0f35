using System.ComponentModel.DataAnnotations.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cognova.Build.Tests.Model;

/// <summary>
/// A model with one of each thing the model description covers, built by the real Npgsql provider in this
/// process: creating the model opens no connection.
/// </summary>
internal sealed class ShopContext : DbContext
{
    private readonly Action<ModelBuilder>? _extra;

    public ShopContext(Action<ModelBuilder>? extra = null) => _extra = extra;

    protected override void OnConfiguring(DbContextOptionsBuilder options) => options
        .UseNpgsql("Host=localhost;Database=x", npgsql => npgsql.MapEnum<Mood>("mood"))
        .ReplaceService<IModelCacheKeyFactory, NoModelCache>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresEnum<Priority>("shop", "priority");
        modelBuilder.HasSequence<long>("order_numbers").StartsAt(1000).IncrementsBy(10);

        modelBuilder.Entity<Customer>(customer =>
        {
            customer.ToTable("customers", t =>
            {
                t.HasComment("People who buy.");
                t.HasCheckConstraint("ck_customers_balance", "\"Balance\" >= 0");
            });
            customer.Property(c => c.Name).HasMaxLength(100).HasComment("Shown on invoices.");
            customer.Property(c => c.Balance).HasPrecision(12, 2);
            customer.Property(c => c.CreatedAt).HasDefaultValueSql("now()");
            customer.Property(c => c.Level).HasDefaultValue(1);
            customer.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            customer.Property(c => c.Version).IsRowVersion();
            customer.Property(c => c.Document).HasColumnType("jsonb");
            customer.Property(c => c.SearchName).HasComputedColumnSql("lower(\"Name\")", stored: true);
            customer.Property<string>("Secret").HasMaxLength(10);
            customer.HasIndex(c => c.Name).IsUnique();
            customer.HasIndex(c => c.Nickname).HasFilter("\"Nickname\" IS NOT NULL").HasDatabaseName("ix_customers_nickname_set");
            customer.HasIndex(c => c.Scores).HasMethod("gin");
            customer.OwnsOne(c => c.Address, address => address.Property(a => a.Street).HasMaxLength(200));
            customer.OwnsMany(c => c.Notes, notes => notes.ToJson("notes"));
            customer.HasOne(c => c.Profile).WithOne(p => p.Customer).HasForeignKey<CustomerProfile>(p => p.CustomerId);
        });

        modelBuilder.Entity<Order>(order =>
        {
            order.Property(o => o.Id).UseIdentityAlwaysColumn();
            order.Property(o => o.Number).HasDefaultValueSql("nextval('order_numbers')");
            order.HasOne(o => o.Customer).WithMany(c => c.Orders).HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OrderLine>(line =>
        {
            line.HasKey(l => new { l.OrderId, l.LineNumber });
            line.HasOne(l => l.Order).WithMany(o => o.Lines).HasForeignKey(l => l.OrderId);
        });

        modelBuilder.Entity<LegacyItem>().Property(i => i.Id).UseSerialColumn();

        modelBuilder.Entity<Ticket>(ticket =>
        {
            ticket.HasOne<Customer>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Restrict);
            ticket.HasOne<Customer>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
            ticket.HasOne<Customer>().WithMany().HasForeignKey(t => t.ReviewerId).OnDelete(DeleteBehavior.ClientSetNull);
            ticket.HasOne<Customer>().WithMany().HasForeignKey(t => t.AuditorId).OnDelete(DeleteBehavior.NoAction);
        });

        modelBuilder.Entity<Post>().HasMany(p => p.Tags).WithMany(t => t.Posts);
        modelBuilder.Entity<Tag>().ToTable("tags", "blog");

        modelBuilder.Entity<Animal>().HasDiscriminator<string>("animal_type").HasValue<Dog>("dog").HasValue<Cat>("cat");
        modelBuilder.Entity<Dog>();
        modelBuilder.Entity<Cat>();

        modelBuilder.Entity<CustomerSummary>().HasNoKey().ToView("customer_summaries", "reporting");

        _extra?.Invoke(modelBuilder);
    }

    private sealed class NoModelCache : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => new object();
    }
}

internal enum Status
{
    Active,
    Suspended = 5,
}

internal enum Kind
{
    Person,
    Company,
}

internal enum Mood
{
    Happy,
    Sad,
    SoSo,
}

internal enum Priority
{
    Low,
    High,
}

internal sealed class Customer
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? Nickname { get; set; }

    public decimal Balance { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Level { get; set; }

    public int? Age { get; set; }

    public Status Status { get; set; }

    public Kind Kind { get; set; }

    public Mood Mood { get; set; }

    public uint Version { get; set; }

    public int[] Scores { get; set; } = [];

    public List<string> Aliases { get; set; } = [];

    public string Document { get; set; } = "{}";

    public string? SearchName { get; set; }

    public Address Address { get; set; } = new();

    public List<Note> Notes { get; set; } = [];

    public CustomerProfile? Profile { get; set; }

    public List<Order> Orders { get; set; } = [];
}

internal sealed class Address
{
    public string Street { get; set; } = "";

    public string? City { get; set; }
}

internal sealed class Note
{
    public string Text { get; set; } = "";

    public DateTime WrittenAt { get; set; }
}

internal sealed class CustomerProfile
{
    public int Id { get; set; }

    public int CustomerId { get; set; }

    public Customer Customer { get; set; } = null!;

    public string? Bio { get; set; }
}

internal sealed class Order
{
    public long Id { get; set; }

    public long Number { get; set; }

    public int CustomerId { get; set; }

    public Customer Customer { get; set; } = null!;

    public List<OrderLine> Lines { get; set; } = [];
}

internal sealed class OrderLine
{
    public long OrderId { get; set; }

    public int LineNumber { get; set; }

    public Order Order { get; set; } = null!;

    public int Quantity { get; set; }
}

internal sealed class LegacyItem
{
    public int Id { get; set; }
}

internal sealed class Ticket
{
    public int Id { get; set; }

    public int OwnerId { get; set; }

    public int? AssigneeId { get; set; }

    public int? ReviewerId { get; set; }

    public int? AuditorId { get; set; }
}

internal sealed class Post
{
    public int Id { get; set; }

    public List<Tag> Tags { get; set; } = [];
}

internal sealed class Tag
{
    public int Id { get; set; }

    public List<Post> Posts { get; set; } = [];
}

internal abstract class Animal
{
    public int Id { get; set; }

    public string Name { get; set; } = "";
}

internal sealed class Dog : Animal
{
    public bool Barks { get; set; }
}

internal sealed class Cat : Animal
{
    public int Lives { get; set; }
}

internal sealed class CustomerSummary
{
    public int CustomerId { get; set; }

    [Column("order_count")]
    public long OrderCount { get; set; }
}
