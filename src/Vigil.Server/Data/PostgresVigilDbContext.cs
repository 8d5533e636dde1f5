using Microsoft.EntityFrameworkCore;

namespace Vigil.Server.Data;

/// <summary>Production: PostgreSQL by connection string.</summary>
public sealed class PostgresVigilDbContext(DbContextOptions<PostgresVigilDbContext> options) : VigilDbContext(options);
