using Microsoft.EntityFrameworkCore;

namespace Cognova.Sample.Data;

/// <summary>The schema of the migration guide: a <c>user</c> table and a <c>tags</c> table.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Tag> Tags => Set<Tag>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(user =>
        {
            user.ToTable("user");
            user.Property(u => u.Id).HasColumnName("id").HasDefaultValueSql("gen_random_uuid()");
            user.Property(u => u.Name).HasColumnName("name");
            user.Property(u => u.Email).HasColumnName("email");
            user.Property(u => u.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
            user.HasIndex(u => u.Email).IsUnique();
        });

        modelBuilder.Entity<Tag>(tag =>
        {
            tag.ToTable("tags");
            tag.Property(t => t.Id).HasColumnName("id").HasDefaultValueSql("gen_random_uuid()");
            tag.Property(t => t.Name).HasColumnName("name");
            tag.Property(t => t.Color).HasColumnName("color");
            tag.Property(t => t.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
            tag.Property(t => t.CreatedBy).HasColumnName("created_by");
            tag.HasIndex(t => t.Name).IsUnique();
            tag.HasOne(t => t.Creator)
                .WithMany(u => u.Tags)
                .HasForeignKey(t => t.CreatedBy)
                .OnDelete(DeleteBehavior.SetNull);
        });
    }
}
