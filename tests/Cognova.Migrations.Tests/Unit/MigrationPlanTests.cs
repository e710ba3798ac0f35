using Cognova.Migrations.Internal;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cognova.Migrations.Tests.Unit;

/// <summary>The run's plan from the assembly's ids and the history alone: no database.</summary>
[Trait("Category", "Unit")]
public sealed class MigrationPlanTests
{
    private const string First = "20260101000001_CreateItems";
    private const string Second = "20260101000002_CreateTags";
    private const string Third = "20260101000003_AddItemColor";

    [Fact]
    public void A_fresh_database_applies_every_migration_oldest_first()
    {
        var plan = MigrationPlan.Create([Third, First, Second], [], target: null);

        Assert.Equal(Third, plan.Target);
        Assert.Equal([First, Second, Third], plan.Applies);
        Assert.Empty(plan.Reverts);
        Assert.Equal(MigrationPlan.None, plan.Current);
        Assert.Equal(Third, plan.Final);
        Assert.False(plan.IsEmpty);
    }

    [Fact]
    public void Applies_only_what_the_history_lacks_and_compares_ids_without_case()
    {
        var plan = MigrationPlan.Create([First, Second, Third], [First.ToUpperInvariant()], target: null);

        Assert.Equal([Second, Third], plan.Applies);
        Assert.Equal(First, plan.Current);
    }

    [Fact]
    public void A_database_at_the_newest_migration_is_up_to_date()
    {
        var plan = MigrationPlan.Create([First, Second], [First, Second], target: null);

        Assert.True(plan.IsEmpty);
        Assert.Equal(Second, plan.Current);
        Assert.Equal(Second, plan.Final);
    }

    [Fact]
    public void A_gap_in_the_history_below_the_target_is_applied()
    {
        var plan = MigrationPlan.Create([First, Second, Third], [First, Third], target: null);

        Assert.Equal([Second], plan.Applies);
        Assert.Empty(plan.Reverts);
    }

    [Fact]
    public void An_earlier_target_reverts_the_newer_applied_migrations_newest_first()
    {
        var plan = MigrationPlan.Create([First, Second, Third], [First, Second, Third], target: First);

        Assert.Equal([Third, Second], plan.Reverts);
        Assert.Empty(plan.Applies);
        Assert.Equal([Third, Second], plan.Steps);
        Assert.Equal(First, plan.Final);
        Assert.Equal(Third, plan.Current);
    }

    [Fact]
    public void A_target_above_the_database_applies_up_to_it_and_no_further()
    {
        var plan = MigrationPlan.Create([First, Second, Third], [First], target: Second);

        Assert.Equal([Second], plan.Applies);
        Assert.Empty(plan.Reverts);
        Assert.Equal(Second, plan.Final);
    }

    [Fact]
    public void The_initial_database_reverts_everything_applied()
    {
        var plan = MigrationPlan.Create([First, Second, Third], [First, Second], Migration.InitialDatabase);

        Assert.Equal(Migration.InitialDatabase, plan.Target);
        Assert.Equal([Second, First], plan.Reverts);
        Assert.Empty(plan.Applies);
        Assert.Equal(MigrationPlan.None, plan.Final);
    }

    [Fact]
    public void History_rows_the_assembly_does_not_know_are_left_alone()
    {
        const string unknown = "20250101000000_FromAnotherBranch";
        const string newer = "20270101000000_FromANewerVersion";

        var up = MigrationPlan.Create([First, Second], [unknown, First, newer], target: null);
        var down = MigrationPlan.Create([First, Second], [unknown, First, Second, newer], Migration.InitialDatabase);

        Assert.Equal([Second], up.Applies);
        Assert.Empty(up.Reverts);
        Assert.Equal(First, up.Current);
        Assert.Equal([Second, First], down.Reverts);
    }

    [Fact]
    public void An_assembly_without_migrations_plans_nothing_and_has_no_target()
    {
        var plan = MigrationPlan.Create([], ["20260101000001_Old"], target: null);

        Assert.Null(plan.Target);
        Assert.True(plan.IsEmpty);
        Assert.Equal(MigrationPlan.None, plan.Final);
    }
}
