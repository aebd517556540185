using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;

namespace Fazhi.ServiceDefaults.Audit;

/// <summary>What the audit trail records about the current call, carried in HttpContext.Items.</summary>
public static class AuditCall
{
    internal const string ActionKey = "fazhi.audit.action";
    internal const string ReasonKey = "fazhi.audit.reason";

    /// <summary>Records why the change is made (a correction's reason, a rejection's reason).</summary>
    public static void SetAuditReason(this ServerCallContext context, string? reason) =>
        context.GetHttpContext().Items[ReasonKey] = reason;

    internal static string? Action(HttpContext? http) => http?.Items[ActionKey] as string;

    internal static string? Reason(HttpContext? http) => http?.Items[ReasonKey] as string;
}

/// <summary>Names the audit action after the gRPC method being called (AcceptCase, CorrectCase …).</summary>
public sealed class AuditCallInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        context.GetHttpContext().Items[AuditCall.ActionKey] = context.Method[(context.Method.LastIndexOf('/') + 1)..];
        return continuation(request, context);
    }
}
