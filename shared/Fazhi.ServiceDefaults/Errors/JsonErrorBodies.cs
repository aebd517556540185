using System.Text.Json;
using System.Text.Json.Nodes;
using Fazhi.ServiceDefaults.Auth;
using Code = Google.Rpc.Code;
using Microsoft.AspNetCore.Http;

namespace Fazhi.ServiceDefaults.Errors;

/// <summary>
/// Gives the JSON port's refusals that never reach a service method the same body as every other error: JSON
/// transcoding refuses a body it cannot parse (malformed JSON, an unknown enum name) with {"code": 3, "message": …,
/// "details": []}, and routing answers an unknown path or method with an empty 404/405. Such answers get an
/// ErrorInfo (REQUEST_BODY_INVALID, ROUTE_NOT_FOUND, METHOD_NOT_ALLOWED …). Successful answers pass straight through;
/// only error bodies are held to be completed.
/// </summary>
public sealed class JsonErrorBodies(RequestDelegate next, FazhiServiceInfo? service = null)
{
    public const string RequestBodyInvalid = "REQUEST_BODY_INVALID";
    public const string RouteNotFound = "ROUTE_NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    private readonly string _domain = ErrorStatus.Domain(service?.Name ?? "fazhi");

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true
            || context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        await using var body = new ErrorHoldingStream(original, context.Response);
        context.Response.Body = body;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode < 400 || context.RequestAborted.IsCancellationRequested
            || context.Response.HasStarted && !body.Holding)
        {
            return;
        }
        var completed = Complete(context.Response.StatusCode, body.Held);
        if (completed is null)
        {
            if (body.Held.Length > 0) await original.WriteAsync(body.Held.GetBuffer().AsMemory(0, (int)body.Held.Length), context.RequestAborted);
            return;
        }
        var bytes = System.Text.Encoding.UTF8.GetBytes(completed);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>The error body with an ErrorInfo added, or null when it has one already or is not a status.</summary>
    private string? Complete(int httpStatus, MemoryStream held)
    {
        if (held.Length == 0)
        {
            var (code, routeReason, message) = httpStatus switch
            {
                StatusCodes.Status404NotFound => (Code.NotFound, RouteNotFound, "No such route; docs/api.md lists them."),
                StatusCodes.Status405MethodNotAllowed => (Code.Unimplemented, MethodNotAllowed, "The route does not take this HTTP method."),
                StatusCodes.Status415UnsupportedMediaType => (Code.InvalidArgument, RequestBodyInvalid, "The request body must be JSON (content-type: application/json)."),
                _ => (Code.Unknown, "HTTP_" + httpStatus, $"HTTP {httpStatus}."),
            };
            return ErrorStatus.ToJson(ErrorStatus.Create(code, message, _domain, routeReason));
        }

        JsonObject? status;
        try
        {
            status = JsonNode.Parse(held.GetBuffer().AsSpan(0, (int)held.Length)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
        if (status?["code"] is not JsonValue codeValue || !codeValue.TryGetValue<int>(out var grpcCode)) return null;
        if (status["details"] is JsonArray existing
            && existing.Any(d => (string?)d?["@type"] == "type.googleapis.com/google.rpc.ErrorInfo"))
        {
            return null;
        }
        var reason = grpcCode == (int)Code.InvalidArgument ? RequestBodyInvalid : ErrorStatus.ReasonOf((Grpc.Core.StatusCode)grpcCode);
        var info = new JsonObject
        {
            ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
            ["reason"] = reason,
            ["domain"] = _domain,
            ["metadata"] = new JsonObject(),
        };
        var details = status["details"] as JsonArray ?? [];
        status.Remove("details");
        details.Insert(0, info);
        status["details"] = details;
        return status.ToJsonString(ErrorStatus.JsonBodyOptions);
    }

    /// <summary>Passes a successful answer through; holds an error answer (status ≥ 400 at its first write).</summary>
    private sealed class ErrorHoldingStream(Stream inner, HttpResponse response) : Stream
    {
        private bool? _holding;

        public MemoryStream Held { get; } = new();

        public bool Holding => _holding == true;

        private Stream Target => (_holding ??= response.StatusCode >= 400) ? Held : inner;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Target.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => Target.Write(buffer);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Target.WriteAsync(buffer, offset, count, cancellationToken);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Target.WriteAsync(buffer, cancellationToken);
        public override void Flush()
        {
            if (_holding == false) inner.Flush();
        }
        public override Task FlushAsync(CancellationToken cancellationToken) =>
            _holding == false ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override ValueTask DisposeAsync()
        {
            Held.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
