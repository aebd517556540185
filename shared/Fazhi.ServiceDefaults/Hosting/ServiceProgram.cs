using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.ServiceDefaults.Hosting;

/// <summary>A service's whole Program.cs: build it with its registrations, map its endpoints, migrate and run.</summary>
public static class ServiceProgram
{
    public static async Task RunAsync<TContext>(string[] args, Action<WebApplicationBuilder> addService, Action<WebApplication> mapService)
        where TContext : DbContext
    {
        var builder = WebApplication.CreateBuilder(args);
        addService(builder);
        var app = builder.Build();
        mapService(app);
        await app.RunWithMigrationsAsync<TContext>(args);
    }
}
