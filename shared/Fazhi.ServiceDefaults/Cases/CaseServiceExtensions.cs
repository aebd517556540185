using System.Linq.Expressions;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.ServiceDefaults.Commands;
using Fazhi.ServiceDefaults.Hosting;
using Fazhi.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fazhi.ServiceDefaults.Cases;

public static class CaseServiceExtensions
{
    /// <summary>
    /// The write side every case service has: its own database (with audit trail, outbox and relay), the group-commit
    /// writer of its cases, the bus, its case-state event registered for the outbox, and the republisher that re-sends
    /// every case's state for a reporting rebuild, page by page in (org, <paramref name="orderDate"/>, id) order.
    /// </summary>
    /// <param name="aggregateName">Names a case in NOT_FOUND errors ("No litigation case …").</param>
    public static IHostApplicationBuilder AddCaseStore<TContext, TCase, TEvent>(
        this IHostApplicationBuilder builder, string serviceName, string defaultDatabase, string aggregateName,
        Expression<Func<TCase, DateOnly>> orderDate)
        where TContext : DbContext
        where TCase : class, ICase<TEvent>
        where TEvent : class
    {
        if (orderDate.Body is not MemberExpression { Member.Name: var property })
            throw new ArgumentException("The order date must be a property of the case, such as c => c.ReceivedOn.", nameof(orderDate));
        IntegrationEventTypes.AddCaseState<TEvent>();
        builder.AddServiceDatabase<TContext>(defaultDatabase, ownsAggregates: true);
        builder.AddGroupCommit<TContext, TCase>(aggregateName);
        builder.AddMessaging(serviceName);
        builder.Services.AddSingleton(new CaseOrder<TCase>(property, orderDate.Compile()));
        builder.Services.AddScoped<CaseRepublisher<TContext, TCase, TEvent>>();
        return builder;
    }
}
