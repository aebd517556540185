using System.Diagnostics;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Fazhi.ServiceDefaults.Errors;

/// <summary>
/// Maps failures to gRPC statuses in one place, so service methods stay thin. Every status carries a
/// google.rpc.ErrorInfo (reason, domain, metadata) and the detail that fits (<see cref="ErrorStatus"/>), in the
/// grpc-status-details-bin trailer; JSON transcoding turns the codes into HTTP statuses (INVALID_ARGUMENT → 400,
/// NOT_FOUND → 404 …) and the same google.rpc.Status into the JSON body. A transient database or broker failure is
/// UNAVAILABLE with a RetryInfo; an unexpected exception is INTERNAL (logged with its stack), never the bare
/// UNKNOWN "Exception was thrown by handler".
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger, FazhiServiceInfo service) : Interceptor
{
    private readonly string _domain = ErrorStatus.Domain(service.Name);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (Map(ex, request, context, typeof(TResponse)) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (Map(ex, request, context, typeof(TResponse)) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>The RpcException to answer with, or null to let <paramref name="ex"/> through unchanged.</summary>
    private RpcException? Map(Exception ex, object? request, ServerCallContext context, Type responseType)
    {
        switch (ex)
        {
            case RpcException rpc when rpc.Trailers.Get(StatusDetailsTrailer) is null && rpc.StatusCode != StatusCode.OK:
                // Raised as a bare status (the group commit writer's UNAVAILABLE while stopping): add the ErrorInfo.
                return WithTrailers(ErrorStatus.ForCode(rpc.StatusCode, rpc.Status.Detail, _domain).ToRpcException(), rpc.Trailers);
            case RpcException:
                return null;
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return null; // the client went away or its deadline passed; gRPC answers CANCELLED / DEADLINE_EXCEEDED
        }

        var status = ErrorStatus.ForException(ex, _domain, request, responseType);
        if (status is null)
        {
            logger.LogError(ex, "{Method} failed unexpectedly (trace {TraceId})", context.Method, Activity.Current?.TraceId);
            status = ErrorStatus.Create(Code.Internal,
                $"Internal error; it was logged (trace {Activity.Current?.TraceId.ToString() ?? "none"}).", _domain, ErrorReasons.Internal);
        }
        else if (status.Code == (int)Code.Unavailable)
        {
            logger.LogWarning(ex, "{Method} refused: {Code} {Reason}", context.Method, (Code)status.Code, ex.Message);
        }
        else
        {
            logger.LogInformation("{Method} refused: {Code} {Message}", context.Method, (Code)status.Code, ex.Message);
        }
        return status.ToRpcException();
    }

    private const string StatusDetailsTrailer = "grpc-status-details-bin";

    private static RpcException WithTrailers(RpcException mapped, Metadata original)
    {
        foreach (var entry in original)
            if (entry.Key != StatusDetailsTrailer) mapped.Trailers.Add(entry);
        return mapped;
    }
}
