using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Vigil.Server.Data;

/// <summary>Lets `dotnet ef migrations add … --context SqliteVigilDbContext` build the model without the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteVigilDbContext>
{
    public SqliteVigilDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteVigilDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets `dotnet ef migrations add … --context PostgresVigilDbContext` build the model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresVigilDbContext>
{
    public PostgresVigilDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresVigilDbContext>().UseNpgsql("Host=localhost;Database=vigil_design").Options);
}
