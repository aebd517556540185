using System.Diagnostics;
using System.Runtime.CompilerServices;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Fazhi.ServiceDefaults.Commands;

/// <summary>
/// Who asked for a change and in which call: what the audit entry and the outbox row of that change record.
/// Captured on the request's thread, because a group commit saves the change later, on a writer's thread,
/// next to changes from other callers.
/// </summary>
public sealed record CommandOrigin(Caller? Caller, string? Action, string? Reason, string? TraceParent)
{
    private static readonly ConditionalWeakTable<object, CommandOrigin> Attached = new();

    public static CommandOrigin Of(ServerCallContext context) => Of(context.GetHttpContext());

    public static CommandOrigin Of(HttpContext? http) => new(
        http?.User.Identity?.IsAuthenticated == true ? Caller.From(http.User) : null,
        AuditCall.Action(http),
        AuditCall.Reason(http),
        Activity.Current?.Id);

    /// <summary>Marks <paramref name="aggregate"/> as changed on behalf of this origin until it is saved.</summary>
    public void AttachTo(object aggregate) => Attached.AddOrUpdate(aggregate, this);

    /// <summary>The origin attached to a changed aggregate, if its change was made away from its request.</summary>
    public static CommandOrigin? AttachedTo(object aggregate) => Attached.TryGetValue(aggregate, out var origin) ? origin : null;
}
