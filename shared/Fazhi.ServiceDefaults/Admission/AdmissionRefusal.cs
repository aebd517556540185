using Fazhi.ServiceDefaults.Errors;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fazhi.ServiceDefaults.Admission;

/// <summary>
/// Answers a call refused by the admission limit at once, as a full group-commit queue is answered
/// (<see cref="OverloadedException"/> through <see cref="ErrorStatus"/>): over gRPC a trailers-only response with
/// grpc-status 8 (RESOURCE_EXHAUSTED) and the google.rpc.Status in grpc-status-details-bin; over JSON HTTP 429 with
/// the same body JSON transcoding writes, and Retry-After. The answer is built once: refusing must stay cheap when
/// thousands arrive a second.
/// </summary>
public sealed class AdmissionRefusal
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(10);

    private readonly string _grpcMessage;
    private readonly string _grpcDetails;
    private readonly byte[] _json;
    private readonly string _retryAfter = ((int)ErrorStatus.RetryDelay.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
    private readonly ILogger<AdmissionRefusal> _logger;
    private readonly TimeProvider _time;
    private readonly int _limit;
    private long _refusedSinceWarning;
    private long _nextWarning;

    public AdmissionRefusal(IOptions<AdmissionOptions> options, ILogger<AdmissionRefusal> logger, TimeProvider time, FazhiServiceInfo? service = null)
    {
        _logger = logger;
        _time = time;
        _limit = options.Value.MaxConcurrentRequests;
        var overloaded = new OverloadedException(
            $"The service is working on {_limit} calls already; nothing was done. Retry after a short wait.")
        {
            Metadata = new Dictionary<string, string> { ["limit"] = "admission" },
        };
        var status = ErrorStatus.ForException(overloaded, ErrorStatus.Domain(service?.Name ?? "fazhi"), request: null)!;
        _grpcMessage = Uri.EscapeDataString(status.Message);
        _grpcDetails = Convert.ToBase64String(status.ToByteArray());
        _json = System.Text.Encoding.UTF8.GetBytes(ErrorStatus.ToJson(status));
    }

    public ValueTask WriteAsync(HttpContext context)
    {
        AdmissionMetrics.Refused.Add(1);
        WarnNowAndThen();
        var response = context.Response;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            // Trailers-only: the status in the headers of a response without a body, as gRPC servers refuse a call.
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = "8";
            response.Headers["grpc-message"] = _grpcMessage;
            response.Headers["grpc-status-details-bin"] = _grpcDetails;
            return ValueTask.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = _json.Length;
        response.Headers.RetryAfter = _retryAfter;
        return response.Body.WriteAsync(_json, context.RequestAborted);
    }

    /// <summary>One warning per <see cref="WarningInterval"/> with the count since the last: an overload logs a line, not a flood.</summary>
    private void WarnNowAndThen()
    {
        Interlocked.Increment(ref _refusedSinceWarning);
        var now = _time.GetTimestamp();
        var next = Interlocked.Read(ref _nextWarning);
        if (now < next || Interlocked.CompareExchange(ref _nextWarning, now + (long)(WarningInterval.TotalSeconds * _time.TimestampFrequency), next) != next)
            return;
        var refused = Interlocked.Exchange(ref _refusedSinceWarning, 0);
        _logger.LogWarning("Refused {Refused} API calls: {Limit} were in progress already (Admission:MaxConcurrentRequests)", refused, _limit);
    }
}
