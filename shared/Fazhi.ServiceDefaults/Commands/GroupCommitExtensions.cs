using Fazhi.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Fazhi.ServiceDefaults.Commands;

public static class GroupCommitExtensions
{
    /// <summary>
    /// Registers the group-commit writer of <typeparamref name="TAggregate"/> (options in section GroupCommit);
    /// <paramref name="aggregateName"/> names it in NOT_FOUND errors ("No reconsideration case …").
    /// </summary>
    public static IHostApplicationBuilder AddGroupCommit<TContext, TAggregate>(this IHostApplicationBuilder builder, string aggregateName)
        where TContext : DbContext
        where TAggregate : class, IAuditedAggregate
    {
        builder.Services.AddOptions<GroupCommitOptions>().BindConfiguration(GroupCommitOptions.Section);
        builder.Services.AddSingleton(services => new GroupCommitWriter<TContext, TAggregate>(
            services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IOptions<GroupCommitOptions>>(), aggregateName));
        builder.Services.AddHostedService(services => services.GetRequiredService<GroupCommitWriter<TContext, TAggregate>>());
        return builder;
    }
}
