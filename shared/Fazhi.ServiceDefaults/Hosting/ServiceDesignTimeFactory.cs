using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Fazhi.ServiceDefaults.Hosting;

/// <summary>
/// Lets `dotnet ef migrations add` build a service's model without starting the service: the same provider and
/// naming convention as <see cref="DatabaseExtensions.AddServiceDatabase{TContext}"/>, on the local database.
/// A service declares <c>public sealed class DesignTimeFactory() : ServiceDesignTimeFactory&lt;XDbContext&gt;("fazhi_x");</c>.
/// </summary>
public abstract class ServiceDesignTimeFactory<TContext>(string database) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>()
            .UseNpgsql(DatabaseExtensions.DefaultConnectionString(database))
            .UseSnakeCaseNamingConvention()
            .Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }
}
