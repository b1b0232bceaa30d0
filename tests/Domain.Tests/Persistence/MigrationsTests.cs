using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Persistence;

namespace Store.Domain.Tests.Persistence;

/// <summary>Both providers' migrations match the model, so a schema change never ships without its migration.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet ef migrations add NAME -p src/Domain -s src/Domain -c SqliteStoreDb -o Persistence/Migrations/Sqlite");
    }

    [Fact]
    public void The_SQL_Server_migrations_match_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet ef migrations add NAME -p src/Domain -s src/Domain -c SqlServerStoreDb -o Persistence/Migrations/SqlServer");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public async Task The_SQLite_migrations_build_a_database_from_nothing()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new SqliteStoreDb(new DbContextOptionsBuilder<SqliteStoreDb>().UseSqlite(connection).Options);
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Customers.CountAsync());
    }
}
