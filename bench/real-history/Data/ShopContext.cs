using Microsoft.EntityFrameworkCore;

namespace RealHistory.Data;

public sealed class ShopContext : DbContext
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<AuditLogEntry> AuditEntries => Set<AuditLogEntry>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Address> Addresses => Set<Address>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<Coupon> Coupons => Set<Coupon>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.UseNpgsql("Host=db.invalid;Database=shop");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>().Property(x => x.FullName).HasMaxLength(200);
        modelBuilder.Entity<Product>().Property(x => x.Price).HasPrecision(10, 2);
        modelBuilder.Entity<OrderLine>().Property(x => x.UnitPrice).HasPrecision(10, 2);
        modelBuilder.Entity<Category>().Property(x => x.Name).HasMaxLength(100);
        modelBuilder.Entity<Order>().Property(x => x.Status).HasMaxLength(20).HasDefaultValue("pending");
        modelBuilder.Entity<Customer>().HasIndex(x => x.NormalizedEmail).IsUnique();
        modelBuilder.Entity<AuditLogEntry>().Property(x => x.EntityName).HasMaxLength(100);
        modelBuilder.Entity<AuditLogEntry>().Property(x => x.Action).HasMaxLength(20);
        modelBuilder.Entity<AuditLogEntry>().Property(x => x.At).HasDefaultValueSql("now()");
        modelBuilder.Entity<AuditLogEntry>().Property(x => x.Details).HasColumnType("jsonb");
        modelBuilder.Entity<Category>().HasData(new { Id = 1, Name = "Books" }, new { Id = 2, Name = "Music" }, new { Id = 3, Name = "Games" });
        modelBuilder.Entity<Tag>().Property(x => x.Name).HasMaxLength(50);
        modelBuilder.Entity<Tag>().HasIndex(x => x.Name).IsUnique();
        modelBuilder.Entity<Order>().Property(x => x.Total).HasPrecision(12, 2);
        modelBuilder.Entity<Product>().Property(x => x.Name).HasMaxLength(200);
        modelBuilder.Entity<Customer>().Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        modelBuilder.Entity<Order>().HasIndex(x => new { x.CustomerId, x.CreatedAt });
        modelBuilder.Entity<Address>().Property(x => x.Country).HasMaxLength(2).IsFixedLength();
        modelBuilder.Entity<Address>().Property(x => x.PostalCode).HasMaxLength(16);
        modelBuilder.Entity<Order>().ToTable(t => t.HasCheckConstraint("CK_Orders_Status", "\"Status\" IN ('pending', 'paid', 'shipped', 'cancelled')"));
        modelBuilder.Entity<Supplier>().Property(x => x.Name).HasMaxLength(200);
        modelBuilder.Entity<AuditLogEntry>().HasIndex(x => new { x.EntityName, x.EntityId });
        modelBuilder.Entity<OrderLine>().Property(x => x.Quantity).HasPrecision(10, 3);
        modelBuilder.Entity<Coupon>().Property(x => x.Code).HasMaxLength(40);
        modelBuilder.Entity<Coupon>().HasIndex(x => x.Code).IsUnique();
        modelBuilder.Entity<Tag>().HasData(new { Id = 1, Name = "new" }, new { Id = 2, Name = "sale" }, new { Id = 3, Name = "bestseller" });
        modelBuilder.Entity<Customer>().Property(x => x.NormalizedEmail).HasMaxLength(320);
        modelBuilder.Entity<Customer>().Property(x => x.Phone).HasMaxLength(32);
        modelBuilder.Entity<OrderLine>().Property(x => x.Discount).HasPrecision(10, 2);
        modelBuilder.Entity<Product>().HasIndex(x => x.Price).HasFilter("NOT \"IsDiscontinued\"").HasDatabaseName("IX_Products_Price_Active");
        modelBuilder.Entity<Customer>().ToTable(t => t.HasCheckConstraint("CK_Customers_LoyaltyTier", "\"LoyaltyTier\" BETWEEN 0 AND 3"));
        modelBuilder.HasSequence<long>("OrderNumbers").StartsAt(100000);
        modelBuilder.Entity<Order>().Property(x => x.Number).HasDefaultValueSql("nextval('\"OrderNumbers\"')");
        modelBuilder.Entity<Order>().HasIndex(x => x.Number).IsUnique();
    }
}
