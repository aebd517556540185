using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Status = Google.Rpc.Status;

namespace Fazhi.ServiceDefaults.Errors;

/// <summary>
/// Maps domain failures to gRPC status codes in one place, so service methods stay thin.
/// JSON transcoding turns the codes into HTTP statuses (INVALID_ARGUMENT → 400, NOT_FOUND → 404 …)
/// and the google.rpc.BadRequest detail into the body's "details".
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException && Map(ex) is { } mapped)
        {
            logger.LogInformation("{Method} refused: {Code} {Message}", context.Method, mapped.StatusCode, ex.Message);
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
        catch (Exception ex) when (ex is not RpcException && Map(ex) is { } mapped)
        {
            throw mapped;
        }
    }

    internal static RpcException? Map(Exception ex) => ex switch
    {
        InvalidInputException invalid => InvalidArgument(invalid),
        RuleViolationException => Simple(Code.FailedPrecondition, ex.Message),
        NotFoundException => Simple(Code.NotFound, ex.Message),
        ConflictException => Simple(Code.AlreadyExists, ex.Message),
        UnauthorizedAccessException => Simple(Code.PermissionDenied, ex.Message),
        DbUpdateConcurrencyException => Simple(Code.Aborted, "The resource was changed by another request; read it again and retry."),
        _ => null,
    };

    private static RpcException Simple(Code code, string message) =>
        new Status { Code = (int)code, Message = message }.ToRpcException();

    private static RpcException InvalidArgument(InvalidInputException invalid)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(invalid.Violations.Select(v =>
            new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        return new Status
        {
            Code = (int)Code.InvalidArgument,
            Message = invalid.Message,
            Details = { Any.Pack(badRequest) },
        }.ToRpcException();
    }
}
