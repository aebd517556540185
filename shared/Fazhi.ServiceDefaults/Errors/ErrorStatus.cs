using System.Net.Sockets;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Any = Google.Protobuf.WellKnownTypes.Any;
using Duration = Google.Protobuf.WellKnownTypes.Duration;
using Google.Rpc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Status = Google.Rpc.Status;

namespace Fazhi.ServiceDefaults.Errors;

/// <summary>
/// The reason codes (google.rpc.ErrorInfo.reason) that are not a domain rule's own. Domain rules carry theirs on
/// <see cref="RuleViolationException"/>; docs/clients.md lists them all.
/// </summary>
public static class ErrorReasons
{
    public const string InvalidInput = "INVALID_INPUT";
    public const string NotFound = "NOT_FOUND";
    public const string RequestIdReused = "REQUEST_ID_REUSED";
    public const string RuleViolated = "RULE_VIOLATED";
    public const string TokenMissing = "TOKEN_MISSING";
    public const string TokenInvalid = "TOKEN_INVALID";
    public const string TokenExpired = "TOKEN_EXPIRED";
    public const string OrgClaimMissing = "ORG_CLAIM_MISSING";
    public const string RoleNotAllowed = "ROLE_NOT_ALLOWED";
    public const string OrgOutOfScope = "ORG_OUT_OF_SCOPE";
    public const string ConcurrentModification = "CONCURRENT_MODIFICATION";
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";
    public const string BrokerUnavailable = "BROKER_UNAVAILABLE";
    public const string Internal = "INTERNAL";
}

/// <summary>
/// Builds the google.rpc.Status of every refusal, following Google's error model (AIP-193): a code, a message for
/// people, a google.rpc.ErrorInfo with a stable reason and the service's domain on every status, and
/// BadRequest / PreconditionFailure / ResourceInfo / RetryInfo where they fit. The same Status goes out as gRPC
/// trailers (grpc-status-details-bin) and, through JSON transcoding or <see cref="ToJson"/>, as the JSON body.
/// </summary>
public static class ErrorStatus
{
    /// <summary>How long a client should wait before retrying an UNAVAILABLE call (google.rpc.RetryInfo).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The detail types a status may carry; JSON transcoding needs them to render "details".</summary>
    public static readonly TypeRegistry DetailTypes = TypeRegistry.FromMessages(
        ErrorInfo.Descriptor, BadRequest.Descriptor, PreconditionFailure.Descriptor, ResourceInfo.Descriptor, RetryInfo.Descriptor);

    // Default values written, as JSON transcoding writes them, so both kinds of error body have the same fields.
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithTypeRegistry(DetailTypes).WithFormatDefaultValues(true));

    /// <summary>The ErrorInfo domain of a service's errors: "reconsideration.fazhi.gov.cn", "reporting.fazhi.gov.cn".</summary>
    public static string Domain(string serviceName) => serviceName + ".fazhi.gov.cn";

    /// <summary>A status with an ErrorInfo and any further details.</summary>
    public static Status Create(
        Code code, string message, string domain, string reason,
        IEnumerable<KeyValuePair<string, string>>? metadata = null, params IMessage[] details)
    {
        var info = new ErrorInfo { Reason = reason, Domain = domain };
        if (metadata is not null) info.Metadata.Add(metadata.ToDictionary());
        var status = new Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
        foreach (var detail in details) status.Details.Add(Any.Pack(detail));
        return status;
    }

    /// <summary>
    /// The status for an exception thrown while handling <paramref name="request"/>; null when it is not a refusal
    /// the service expected (a bug: the caller logs it and answers INTERNAL).
    /// </summary>
    /// <param name="responseType">The method's response message type: a not-found's default resource type when it has an id.</param>
    public static Status? ForException(Exception ex, string domain, object? request, Type? responseType = null)
    {
        var id = RequestId(request);
        switch (ex)
        {
            case InvalidInputException invalid:
            {
                var badRequest = new BadRequest();
                badRequest.FieldViolations.AddRange(invalid.Violations.Select(v =>
                    new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
                var fields = string.Join(",", invalid.Violations.Select(v => v.Field).Distinct());
                return Create(Code.InvalidArgument, invalid.Message, domain, invalid.Reason,
                    With(invalid.Metadata, ("fields", fields)), badRequest);
            }
            case RuleViolationException rule:
            {
                var failure = new PreconditionFailure
                {
                    Violations = { new PreconditionFailure.Types.Violation { Type = rule.Reason, Subject = id ?? "", Description = rule.Message } },
                };
                return Create(Code.FailedPrecondition, rule.Message, domain, rule.Reason, With(rule.Metadata, ("id", id)), failure);
            }
            case NotFoundException notFound:
            {
                var name = notFound.ResourceName ?? id ?? "";
                var resource = new ResourceInfo
                {
                    ResourceType = notFound.ResourceType ?? ResourceTypeOf(responseType) ?? "", ResourceName = name, Description = notFound.Message,
                };
                return Create(Code.NotFound, notFound.Message, domain, notFound.Reason,
                    With(notFound.Metadata, ("resourceType", resource.ResourceType), ("resourceName", name)), resource);
            }
            case ConflictException conflict:
            {
                var resource = new ResourceInfo
                {
                    ResourceType = conflict.ResourceType ?? ResourceTypeOf(responseType) ?? "", ResourceName = conflict.ResourceName ?? "", Description = conflict.Message,
                };
                return Create(Code.AlreadyExists, conflict.Message, domain, conflict.Reason,
                    With(conflict.Metadata, ("resourceName", conflict.ResourceName)), resource);
            }
            case OverloadedException overloaded:
                return Create(Code.ResourceExhausted, overloaded.Message, domain, overloaded.Reason, overloaded.Metadata,
                    new RetryInfo { RetryDelay = Duration.FromTimeSpan(RetryDelay) });
            case PermissionDeniedException denied:
                return Create(Code.PermissionDenied, denied.Message, domain, denied.Reason, denied.Metadata);
            case FazhiException other:
                return Create(Code.FailedPrecondition, other.Message, domain, other.Reason, other.Metadata);
            case UnauthorizedAccessException:
                return Create(Code.PermissionDenied, ex.Message, domain, ErrorReasons.OrgOutOfScope);
        }

        if (TransientReason(ex) is { } transient)
        {
            var what = transient == ErrorReasons.BrokerUnavailable ? "message broker" : "database";
            return Create(Code.Unavailable,
                $"The {what} is unavailable; retry after a short wait (a create retried with the same requestId is never saved twice).",
                domain, transient, null, new RetryInfo { RetryDelay = Duration.FromTimeSpan(RetryDelay) });
        }
        if (ex is DbUpdateConcurrencyException)
        {
            return Create(Code.Aborted, "The resource was changed by another request; read it again and retry.",
                domain, ErrorReasons.ConcurrentModification, With(null, ("id", id)));
        }
        return null;
    }

    /// <summary>A status with only an ErrorInfo named after the code, for refusals raised as bare gRPC statuses.</summary>
    public static Status ForCode(Grpc.Core.StatusCode code, string message, string domain)
    {
        var reason = ReasonOf(code);
        return code == Grpc.Core.StatusCode.Unavailable
            ? Create(Code.Unavailable, message, domain, reason, null, new RetryInfo { RetryDelay = Duration.FromTimeSpan(RetryDelay) })
            : Create((Code)(int)code, message, domain, reason);
    }

    /// <summary>SERVICE_UNAVAILABLE for StatusCode.Unavailable, DEADLINE_EXCEEDED for StatusCode.DeadlineExceeded …</summary>
    public static string ReasonOf(Grpc.Core.StatusCode code) => code switch
    {
        Grpc.Core.StatusCode.Unavailable => "SERVICE_UNAVAILABLE",
        _ => System.Text.RegularExpressions.Regex.Replace(code.ToString(), "(?<=[a-z])(?=[A-Z])", "_").ToUpperInvariant(),
    };

    /// <summary>
    /// DATABASE_UNAVAILABLE or BROKER_UNAVAILABLE when <paramref name="ex"/> (or an exception inside it) is a failure
    /// a retry may get past: a connection refused or broken, a timeout, PostgreSQL shutting down or out of connections.
    /// </summary>
    public static string? TransientReason(Exception ex)
    {
        foreach (var e in Chain(ex))
        {
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case NpgsqlException { InnerException: SocketException or TimeoutException or IOException }:
                    return ErrorReasons.DatabaseUnavailable;
            }
            var type = e.GetType().FullName ?? "";
            if (type.StartsWith("RabbitMQ.Client.Exceptions.", StringComparison.Ordinal)
                || type is "MassTransit.RabbitMqTransport.RabbitMqConnectionException" or "MassTransit.RequestTimeoutException")
            {
                return ErrorReasons.BrokerUnavailable;
            }
        }
        foreach (var e in Chain(ex))
        {
            if (e is TimeoutException or SocketException) return ErrorReasons.DatabaseUnavailable;
        }
        return null;
    }

    /// <summary>The status as JSON transcoding writes it: {"code": …, "message": …, "details": [{"@type": …}]}.</summary>
    public static string ToJson(Status status)
    {
        // Compact, like transcoding's System.Text.Json output (JsonFormatter puts spaces between tokens).
        using var document = System.Text.Json.JsonDocument.Parse(Json.Format(status));
        return System.Text.Json.JsonSerializer.Serialize(document.RootElement, JsonBodyOptions);
    }

    /// <summary>Escaping as JSON transcoding's: non-ASCII text (Chinese names) as is, quotes as \".</summary>
    public static readonly System.Text.Json.JsonSerializerOptions JsonBodyOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static IEnumerable<Exception> Chain(Exception ex)
    {
        var pending = new Stack<Exception>([ex]);
        var seen = 0;
        while (pending.TryPop(out var e) && seen++ < 32)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            else if (e.InnerException is { } inner)
                pending.Push(inner);
        }
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string>? metadata, params (string Key, string? Value)[] extra)
    {
        var all = metadata is null ? [] : new Dictionary<string, string>(metadata);
        foreach (var (key, value) in extra)
            if (!string.IsNullOrEmpty(value)) all.TryAdd(key, value);
        return all;
    }

    /// <summary>
    /// The type URL of a response message that is a resource (has an id), e.g.
    /// "type.googleapis.com/fazhi.reconsideration.v1.ReconsiderationCase" (AIP-193 allows a type URL as resource_type).
    /// </summary>
    public static string? ResourceTypeOf(Type? messageType) =>
        messageType?.GetProperty("Descriptor", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null)
            is MessageDescriptor descriptor && descriptor.FindFieldByName("id") is not null
            ? "type.googleapis.com/" + descriptor.FullName
            : null;

    /// <summary>The request's "id" field (the resource a call is about), when it has one.</summary>
    private static string? RequestId(object? request) =>
        request is IMessage message && message.Descriptor.FindFieldByName("id") is { FieldType: FieldType.String } field
            ? field.Accessor.GetValue(message) as string is { Length: > 0 } id ? id : null
            : null;
}
