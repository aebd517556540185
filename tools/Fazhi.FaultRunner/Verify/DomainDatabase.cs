using Fazhi.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fazhi.FaultRunner.Verify;

/// <summary>
/// A service's own DbContext on its own database, configured by the very code the service starts with
/// (<see cref="DatabaseExtensions.AddServiceDatabase{TContext}"/>: the same connection defaults, snake_case names and
/// model), without the outbox relay or the audit interceptors: the runner only reads.
/// </summary>
public sealed class DomainDatabase<TContext> : IAsyncDisposable
    where TContext : DbContext
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private DomainDatabase(ServiceProvider services)
    {
        _services = services;
        _scope = services.CreateAsyncScope();
        Context = _scope.ServiceProvider.GetRequiredService<TContext>();
    }

    public TContext Context { get; }

    public static DomainDatabase<TContext> Open(string connectionString)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:Database"] = connectionString;
        builder.AddServiceDatabase<TContext>("unused", ownsAggregates: false);
        return new DomainDatabase<TContext>(builder.Services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}
