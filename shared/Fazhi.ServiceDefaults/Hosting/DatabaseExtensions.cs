using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fazhi.ServiceDefaults.Hosting;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's own PostgreSQL database (ConnectionStrings:Database) with snake_case names,
    /// a readiness check, and — for a service that owns aggregates (<paramref name="ownsAggregates"/>) — the audit
    /// trail, the outbox interceptor and the outbox relay. Its model must then call AddOutbox and AddAuditTrail.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(
        this IHostApplicationBuilder builder, string defaultDatabase, bool ownsAggregates)
        where TContext : DbContext
    {
        var connectionString = WithCommandPathDefaults(
            builder.Configuration.GetConnectionString("Database") ?? DefaultConnectionString(defaultDatabase));

        if (ownsAggregates)
        {
            builder.Services.AddHttpContextAccessor();
            builder.Services.AddSingleton<AuditInterceptor>();
            builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
            builder.Services.AddSingleton<OutboxSignal>();
            builder.Services.AddSingleton<OutboxInterceptor>();
            builder.Services.AddHostedService<OutboxRelay<TContext>>();
            // In the order SaveChanges runs them, for writers that save without SaveChanges (the group commit).
            builder.Services.AddSingleton<BeforeSaveInterceptor>(services => services.GetRequiredService<AuditInterceptor>());
            builder.Services.AddSingleton<BeforeSaveInterceptor>(services => services.GetRequiredService<OutboxInterceptor>());
        }

        builder.Services.AddDbContextPool<TContext>((services, options) =>
        {
            options.UseNpgsql(services.GetRequiredService<NpgsqlDataSource>()).UseSnakeCaseNamingConvention();
            // EF Core logs a failed command's whole SQL at Error: for a batch of a thousand rows that is a string of
            // megabytes per failure, enough to exhaust the services' bounded heaps while the database is restarting.
            // The failure itself still reaches the caller and the service's own error log; the SQL stays at Debug.
            options.ConfigureWarnings(warnings => warnings.Log((RelationalEventId.CommandError, LogLevel.Debug)));
            if (ownsAggregates)
            {
                // Audit first: it records the change itself; the outbox then adds the event row.
                options.AddInterceptors(services.GetRequiredService<AuditInterceptor>(), services.GetRequiredService<OutboxInterceptor>());
            }
        });

        // One connection pool for EF and for the hot paths that are plain SQL (reporting's projector and queries).
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: "database", tags: [Extensions.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Every command runs the same few statements, so they are prepared once per connection (Max Auto Prepare)
    /// instead of being parsed and planned by PostgreSQL on every call; and a pooled connection is not reset with
    /// DISCARD ALL when it returns to the pool, which would also drop those prepared statements. Nothing here
    /// leaves session state behind (settings are SET LOCAL). A connection string that names either keyword wins.
    /// </summary>
    public static string WithCommandPathDefaults(string connectionString)
    {
        // Npgsql accepts a keyword with or without its spaces ("Max Auto Prepare", "MaxAutoPrepare").
        var named = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!named.Contains("MaxAutoPrepare")) builder.MaxAutoPrepare = 64;
        if (!named.Contains("NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>
    /// The local development database: PostgreSQL on loopback, role fazhi (scripts/infra-up.sh creates it). TLS is
    /// off because the traffic never leaves the machine and encryption cost a third of the database CPU under load;
    /// a connection string to another host should say SSL Mode=VerifyFull.
    /// </summary>
    public static string DefaultConnectionString(string database) =>
        $"Host=127.0.0.1;Port=5432;Database={database};Username=fazhi;Password=fazhi;SSL Mode=Disable";

    /// <summary>
    /// Applies pending EF Core migrations (creating the database if needed), then runs the service.
    /// `migrate` as the first argument migrates and exits; Database:MigrateOnStartup=false skips it at start-up.
    /// </summary>
    public static async Task RunWithMigrationsAsync<TContext>(this WebApplication app, string[] args)
        where TContext : DbContext
    {
        var migrateOnly = args.Length > 0 && args[0] == "migrate";
        if (migrateOnly || app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await app.MigrateAsync<TContext>();
        }
        if (!migrateOnly) await app.RunAsync();
    }

    public static async Task MigrateAsync<TContext>(this IHost app) where TContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Fazhi.Migrations");
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0) logger.LogInformation("Applying migrations: {Migrations}", string.Join(", ", pending));
        await db.Database.MigrateAsync();
    }
}
