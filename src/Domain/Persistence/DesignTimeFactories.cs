using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Store.Domain.Persistence;

/// <summary>Lets `dotnet ef` build each provider's context without the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStoreDb>
{
    public SqliteStoreDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteStoreDb>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets `dotnet ef` build the SQL Server context; no server is contacted to add a migration.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerStoreDb>
{
    public SqlServerStoreDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerStoreDb>().UseSqlServer("Server=localhost;Database=Store;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
