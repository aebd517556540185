using System.Globalization;
using System.Text;
using Fazhi.Contracts.Reporting;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Errors;
using Google.Protobuf;
using Code = Google.Rpc.Code;

namespace Fazhi.Reporting.Dashboard;

/// <summary>
/// GET /v1/reports/{org}/years/{year}:watch — WatchYearToDate as server-sent events (text/event-stream) for the page:
/// each snapshot is one "ytd" event whose data is the snapshot's JSON with the :ytd route's field names; a comment
/// line every <see cref="DashboardOptions.KeepAliveInterval"/> while nothing changes keeps proxies from closing it.
/// Refusals before the stream starts are the API's JSON errors (400, 401, 403).
/// </summary>
public static class YearToDateEvents
{
    public const string Route = "/v1/reports/{org}/years/{year}:watch";

    // Default values written, as JSON transcoding writes them, so a key whose figure is 0 is still there.
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static async Task StreamAsync(
        HttpContext context, string org, string year,
        YearToDateReports reports, YearToDateWatch watch, DashboardOptions options, FazhiServiceInfo service)
    {
        var cancellationToken = context.RequestAborted;
        string checkedOrg;
        int checkedYear;
        try
        {
            var check = new InputCheck();
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) check.Fail("year", $"'{year}' is not a year");
            (checkedOrg, checkedYear) = reports.CheckOrgAndYear(check, org, number);
            check.ThrowIfInvalid();
            Caller.From(context.User).EnsureCovers(checkedOrg);
        }
        catch (FazhiException refused)
        {
            await RefuseAsync(context, refused, service);
            return;
        }

        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache, no-store";
        // Nginx and similar proxies would otherwise hold the events back in their buffers.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.Body.FlushAsync(cancellationToken);

        var sent = 0;
        var snapshots = watch.WatchAsync(checkedOrg, checkedYear, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var next = snapshots.MoveNextAsync().AsTask();
        try
        {
            while (true)
            {
                using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    var keepAlive = Task.Delay(options.KeepAliveInterval, quiet.Token);
                    var first = await Task.WhenAny(next, keepAlive);
                    await quiet.CancelAsync();
                    if (first != next)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await WriteAsync(context, ": keep-alive\n\n", cancellationToken);
                        continue;
                    }
                }
                if (!await next) return;
                sent++;
                await WriteAsync(context, $"event: ytd\nid: {sent}\ndata: {Format(snapshots.Current)}\n\n", cancellationToken);
                next = snapshots.MoveNextAsync().AsTask();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away: the normal end of a watch.
        }
        finally
        {
            // An async iterator may be disposed only once its pending step has ended (it ends with the request).
            try
            {
                await next;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            await snapshots.DisposeAsync();
        }
    }

    /// <summary>A snapshot as one line of compact JSON, with the field names of the :ytd route (camelCase).</summary>
    public static string Format(YearToDateReport snapshot)
    {
        using var document = System.Text.Json.JsonDocument.Parse(Json.Format(snapshot));
        return System.Text.Json.JsonSerializer.Serialize(document.RootElement, ErrorStatus.JsonBodyOptions);
    }

    private static async Task WriteAsync(HttpContext context, string text, CancellationToken cancellationToken)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    private static async Task RefuseAsync(HttpContext context, FazhiException refused, FazhiServiceInfo service)
    {
        var status = ErrorStatus.ForException(refused, ErrorStatus.Domain(service.Name), null)
            ?? throw new InvalidOperationException("A refusal without a status.", refused);
        context.Response.StatusCode = (Code)status.Code switch
        {
            Code.InvalidArgument => StatusCodes.Status400BadRequest,
            Code.PermissionDenied => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(ErrorStatus.ToJson(status), Encoding.UTF8, context.RequestAborted);
    }
}
